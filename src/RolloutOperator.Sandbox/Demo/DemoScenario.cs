using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Sandbox.Hosting;
using RolloutOperator.Sandbox.Manifests;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Demo;

/// <summary>
/// The guided demo: a healthy first version, a healthy update that is promoted step by step, then a bad update that
/// the analysis catches and rolls back. Succeeds only when both outcomes happened.
/// </summary>
internal sealed class DemoScenario(SandboxEnvironment sandbox, string @namespace, ISandboxOutput output, TimeProvider time)
{
    // Generous against the ~20 s a stage takes, tight enough that a stuck demo fails CI quickly.
    private static readonly TimeSpan StageTimeout = TimeSpan.FromSeconds(60);
    private readonly RolloutPoller _poller = new(sandbox.Client, @namespace, DemoManifests.RolloutName, time);
    private readonly List<TimelineEntry> _timeline = [];

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var ok = await InstallAsync(cancellationToken).ConfigureAwait(false)
            && await PromoteHealthyAsync(cancellationToken).ConfigureAwait(false)
            && await RollBackBadAsync(cancellationToken).ConfigureAwait(false);
        _timeline.Add(new TimelineEntry("Total", time.GetElapsedTime(started), ok, ok ? "good version promoted, bad version rolled back" : "demo failed"));
        output.Summary(_timeline);
        return ok;
    }

    private async Task<bool> InstallAsync(CancellationToken cancellationToken)
    {
        output.Heading($"1/3 Apply the sample canary with {DemoVersion.Initial.Label}");
        var started = time.GetTimestamp();
        var applied = await new ManifestApplier(sandbox.Client, @namespace).ApplyAsync(DemoManifests.Load(), cancellationToken).ConfigureAwait(false);
        output.Info($"applied {string.Join(", ", applied)}: 10 replicas, steps 20% -> analysis -> 50% -> analysis -> promote");
        var (last, done) = await output.TrackAsync("waiting for the first version to become stable",
            sink => _poller.WaitAsync(sink, s => s.IsHealthy && s.StableRevision is not null, StageTimeout, cancellationToken)).ConfigureAwait(false);
        return Record($"Install {DemoVersion.Initial.Label}", started, done, done ? $"stable {SnapshotText.Short(last.StableRevision)}" : Why(last));
    }

    private async Task<bool> PromoteHealthyAsync(CancellationToken cancellationToken)
    {
        output.Heading($"2/3 Roll out {DemoVersion.Healthy.Label}: SIM_ERROR_RATE=0");
        var previous = (await _poller.ReadAsync(cancellationToken).ConfigureAwait(false)).StableRevision;
        var started = time.GetTimestamp();
        await PatchAsync(DemoVersion.Healthy, cancellationToken).ConfigureAwait(false);
        var (last, done) = await output.TrackAsync($"canary {DemoVersion.Healthy.Label}",
            sink => _poller.WaitAsync(sink, s => s.IsHealthy && s.StableRevision != previous, StageTimeout, cancellationToken, stop: s => s.IsDegraded)).ConfigureAwait(false);
        var outcome = done ? $"promoted {SnapshotText.Short(last.StableRevision)}; last analysis {Analyses(last)}" : Why(last);
        Report(done, $"{DemoVersion.Healthy.Label} promoted", outcome);
        return Record($"Roll out {DemoVersion.Healthy.Label}", started, done, outcome);
    }

    private async Task<bool> RollBackBadAsync(CancellationToken cancellationToken)
    {
        output.Heading($"3/3 Roll out {DemoVersion.Bad.Label}: SIM_ERROR_RATE=0.3");
        var good = (await _poller.ReadAsync(cancellationToken).ConfigureAwait(false)).StableRevision;
        var started = time.GetTimestamp();
        await PatchAsync(DemoVersion.Bad, cancellationToken).ConfigureAwait(false);
        var (last, done) = await output.TrackAsync($"canary {DemoVersion.Bad.Label}",
            sink => _poller.WaitAsync(sink, s => IsRolledBack(s, good), StageTimeout, cancellationToken, stop: s => s.StableRevision != good)).ConfigureAwait(false);
        Report(done, $"{DemoVersion.Bad.Label} rolled back automatically", done ? $"{last.Abort!.Reason}: {last.Abort.Message}" : Why(last));
        var outcome = done ? $"{last.Abort!.Reason} ({Analyses(last)}); traffic back on stable {SnapshotText.Short(good)}" : Why(last);
        return Record($"Roll out {DemoVersion.Bad.Label}", started, done, outcome);
    }

    /// <summary>Aborted by its analysis, all traffic on the good version again, and that version still stable.</summary>
    private static bool IsRolledBack(RolloutProgress s, string? good) =>
        s.Abort is { Reason: "AnalysisFailed" } abort && abort.Revision != good
        && s.StableRevision == good && s.DesiredWeight == 0 && (s.ObservedWeight ?? 0) == 0;

    private async Task PatchAsync(DemoVersion version, CancellationToken cancellationToken)
    {
        var patch = new V1Patch(version.TemplatePatch(), V1Patch.PatchType.MergePatch);
        await sandbox.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            patch, ApiGroup.Name, ApiGroup.Version, @namespace, CustomResources.Rollout.Plural, DemoManifests.RolloutName, cancellationToken: cancellationToken).ConfigureAwait(false);
        output.Info($"patched spec.template: image {version.Image}, SIM_ERROR_RATE={version.ErrorRate}");
    }

    private void Report(bool done, string success, string outcome)
    {
        if (done)
        {
            output.Success($"{success}: {outcome}");
        }
        else
        {
            output.Failure(outcome);
        }
    }

    private bool Record(string stage, long started, bool ok, string outcome)
    {
        _timeline.Add(new TimelineEntry(stage, time.GetElapsedTime(started), ok, outcome));
        return ok;
    }

    private static string Analyses(RolloutProgress s) => s.Analysis ?? "-";

    private static string Why(RolloutProgress s) =>
        $"did not reach the expected state within {StageTimeout.TotalSeconds:0}s: {SnapshotText.Line(s)}; {s.Message}";
}
