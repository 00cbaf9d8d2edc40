using System.Text.Json.Nodes;
using RolloutOperator.Model.Yaml;
using RolloutOperator.Sandbox.Hosting;
using RolloutOperator.Sandbox.Manifests;
using RolloutOperator.Sandbox.Options;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Commands;

/// <summary>
/// <c>sandbox apply -f ...</c>: the user's manifests against the sandbox. The simulator follows the first Rollout; progress
/// is shown until it is healthy (exit 0) or degraded (exit 1), or with <c>--stay</c> until Ctrl-C.
/// </summary>
internal static class ApplyCommand
{
    public static async Task<int> RunAsync(SandboxOptions options, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var manifests = await LoadAsync(options.Files, cancellationToken).ConfigureAwait(false);
        var rollout = manifests.FirstOrDefault(m => ManifestApplier.Kind(m) == "Rollout")
            ?? throw new ArgumentException("the manifests contain no Rollout");
        var name = rollout["metadata"]?["name"]?.GetValue<string>() ?? throw new ArgumentException("the Rollout has no metadata.name");
        var ns = rollout["metadata"]?["namespace"]?.GetValue<string>() ?? options.Namespace;

        return await SandboxSession.RunAsync(options with { Namespace = ns }, name, output, time, sandbox => WatchAsync(sandbox, options, manifests, ns, name, output, time, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> WatchAsync(
        SandboxEnvironment sandbox, SandboxOptions options, IReadOnlyList<JsonObject> manifests, string ns, string name, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.PrometheusUrl is { } own)
        {
            output.Info($"analysis queries go to your Prometheus at {own} (read-only); the simulator's metrics are not in it");
        }

        var applied = await new ManifestApplier(sandbox.Client, ns).ApplyAsync(manifests, cancellationToken).ConfigureAwait(false);
        output.Info($"applied {string.Join(", ", applied)}; the traffic simulator follows Rollout {ns}/{name}");
        var poller = new RolloutPoller(sandbox.Client, ns, name, time);
        Func<RolloutProgress, bool> done = options.Stay ? _ => false : s => s.IsHealthy || s.IsDegraded;
        try
        {
            var (last, _) = await output.TrackAsync($"Rollout {ns}/{name}", sink => poller.WaitAsync(sink, done, TimeSpan.MaxValue, cancellationToken)).ConfigureAwait(false);
            return Finish(output, last);
        }
        catch (OperationCanceledException) when (options.Stay && cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static int Finish(ISandboxOutput output, RolloutProgress last)
    {
        if (last.IsHealthy)
        {
            output.Success($"healthy: stable {last.StableRevision}");
            return 0;
        }

        output.Failure($"degraded: {last.Abort?.Reason ?? last.Phase}: {last.Abort?.Message ?? last.Message}");
        return 1;
    }

    private static async Task<IReadOnlyList<JsonObject>> LoadAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var manifests = new List<JsonObject>();
        foreach (var file in files)
        {
            var yaml = file == "-"
                ? await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                : await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            manifests.AddRange(YamlToJson.Nodes(yaml).OfType<JsonObject>());
        }

        return manifests;
    }
}
