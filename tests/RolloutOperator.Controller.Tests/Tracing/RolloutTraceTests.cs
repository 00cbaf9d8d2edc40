using System.Diagnostics;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Tracing;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>The span tree of a revision rollout, as docs/tracing.md documents it, read from the in-memory exporter.</summary>
public sealed class RolloutTraceTests
{
    [Fact]
    public async Task Canary_WithAnalysis_PromotionEmitsDocumentedSpanTree()
    {
        using var spans = new SpanCollector();
        var (h, measurements) = await StartAsync(tracing: true);
        await using var _ = h;
        var revision = await RollOutAsync(h, TracingManifests.CanaryWithAnalysis(h.Namespace, "web:1"));

        var rollout = await h.ReconcileUntilAsync(r => r.Status?.StableRevision == revision && r.Status.Phase == RolloutPhase.Healthy, 40);
        var trace = rollout.Status!.Trace!;
        Assert.Equal(revision, trace.Revision);
        Assert.Equal(TraceIds.Trace(rollout.Metadata.Uid, revision, trace.StartedAt), trace.TraceId);

        var tree = new SpanTree(spans.Of(trace.TraceId));
        Assert.Equal(
            """
            rollout
              step setWeight
              step analysis
                analysis step-1
                  measurement success-rate
                  measurement success-rate
              step setWeight
            """.ReplaceLineEndings("\n"),
            tree.Shape());
        AssertRoot(tree.Root, rollout, trace, "Promoted", ActivityStatusCode.Ok);
        Assert.Equal(new object[] { 0L, 1L, 2L }, tree.Children(tree.Root).Select(s => SpanTree.Tag(s, SpanAttributes.StepIndex)!));
        var analysis = Assert.Single(tree.Children(tree.Children(tree.Root)[1]));
        Assert.Equal("Successful", SpanTree.Tag(analysis, SpanAttributes.AnalysisPhase));
        Assert.All(tree.Children(analysis), m =>
        {
            Assert.Equal("success-rate", SpanTree.Tag(m, SpanAttributes.MetricName));
            Assert.Equal("prometheus", SpanTree.Tag(m, SpanAttributes.MetricProvider));
            Assert.Equal($"sum(rate(ok{{revision=\"{revision}\"}}[1m]))", SpanTree.Tag(m, SpanAttributes.Query));
            Assert.Equal("0.995", SpanTree.Tag(m, SpanAttributes.Value));
            Assert.Equal("Successful", SpanTree.Tag(m, SpanAttributes.Verdict));
            Assert.Equal(ActivityStatusCode.Ok, m.Status);
        });
    }

    [Fact]
    public async Task Canary_AnalysisFails_AbortEndsStepAndRootWithError()
    {
        using var spans = new SpanCollector();
        var (h, measurements) = await StartAsync(tracing: true);
        await using var _ = h;
        measurements.Value = 0.5;
        await RollOutAsync(h, TracingManifests.CanaryWithAnalysis(h.Namespace, "web:1"));

        var rollout = await h.ReconcileUntilAsync(r => r.Status?.Abort is not null, 40);
        var tree = new SpanTree(spans.Of(rollout.Status!.Trace!.TraceId));
        AssertRoot(tree.Root, rollout, rollout.Status.Trace, "Aborted", ActivityStatusCode.Error);
        var steps = tree.Children(tree.Root);
        Assert.Equal(["step setWeight", "step analysis"], steps.Select(s => s.DisplayName));
        Assert.Equal(ActivityStatusCode.Error, steps[1].Status);
        // An instantaneous span lasts one tick (docs/tracing.md).
        Assert.InRange(steps[1].StartTimeUtc + steps[1].Duration, rollout.Status.Abort!.At.UtcDateTime, rollout.Status.Abort.At.UtcDateTime.AddTicks(1));
        var analysis = Assert.Single(tree.Children(steps[1]));
        Assert.Equal("Failed", SpanTree.Tag(analysis, SpanAttributes.AnalysisPhase));
        Assert.Contains(tree.Children(analysis), m => (string?)SpanTree.Tag(m, SpanAttributes.Verdict) == "Failed" && m.Status == ActivityStatusCode.Error);
    }

    [Fact]
    public async Task BlueGreen_WithPrePromotionAnalysis_EmitsPhaseAndAnalysisSpans()
    {
        using var spans = new SpanCollector();
        var (h, _) = await StartAsync(tracing: true);
        await using var harness = h;
        var revision = await RollOutAsync(h, TracingManifests.BlueGreenWithAnalysis(h.Namespace, "web:1"));

        var rollout = await h.ReconcileUntilAsync(r => r.Status?.StableRevision == revision && r.Status.Phase == RolloutPhase.Healthy, 40);
        var tree = new SpanTree(spans.Of(rollout.Status!.Trace!.TraceId));
        Assert.Equal(
            """
            rollout
              step preview
              step switch
                analysis prePromotion
                  measurement success-rate
                  measurement success-rate
            """.ReplaceLineEndings("\n"),
            tree.Shape());
        AssertRoot(tree.Root, rollout, rollout.Status.Trace, "Promoted", ActivityStatusCode.Ok);
        Assert.Equal("blueGreen", SpanTree.Tag(tree.Root, SpanAttributes.Strategy));
    }

    [Fact]
    public async Task OperatorRestart_MidRollout_KeepsTraceIdAndJoinsSpansFromBothProcesses()
    {
        using var spans = new SpanCollector();
        var (h, _) = await StartAsync(tracing: true);
        await using var harness = h;
        var revision = await RollOutAsync(h, TracingManifests.CanaryWithAnalysis(h.Namespace, "web:1"));
        var midway = await h.ReconcileUntilAsync(r => r.Status?.CurrentStepIndex == 1 && r.Status.Analyses is { Count: > 0 }, 40);
        var before = midway.Status!.Trace!;
        var emittedBefore = spans.Of(before.TraceId).Select(s => s.SpanId).ToList();
        Assert.NotEmpty(emittedBefore);

        h.Restart();
        var rollout = await h.ReconcileUntilAsync(r => r.Status?.StableRevision == revision && r.Status.Phase == RolloutPhase.Healthy, 40);

        Assert.Equal(before, rollout.Status!.Trace);
        var tree = new SpanTree(spans.Of(before.TraceId));
        Assert.All(emittedBefore, id => Assert.Contains(id, tree.Children(tree.Root).Select(s => s.SpanId)));
        Assert.Equal(3, tree.Children(tree.Root).Count);
    }

    [Fact]
    public async Task TracingOff_Default_RecordsNoTraceAndEmitsNoSpans()
    {
        using var spans = new SpanCollector();
        var (h, _) = await StartAsync(tracing: false);
        await using var harness = h;
        var revision = await RollOutAsync(h, TracingManifests.CanaryWithAnalysis(h.Namespace, "web:1"));

        var rollout = await h.ReconcileUntilAsync(r => r.Status?.StableRevision == revision && r.Status.Phase == RolloutPhase.Healthy, 40);
        Assert.Null(rollout.Status!.Trace);
        Assert.Empty(spans.OfRollout(rollout.Metadata.Uid));
    }

    private static async Task<(ControllerHarness Harness, ClockedMeasurements Measurements)> StartAsync(bool tracing)
    {
        var measurements = new ClockedMeasurements();
        var harness = await ControllerHarness.StartAsync(measurements: clock => measurements.On(clock), tracing: tracing);
        return (harness, measurements);
    }

    /// <summary>Creates the Rollout, lets its first revision become stable, then starts the second; returns its revision.</summary>
    private static async Task<string> RollOutAsync(ControllerHarness h, System.Text.Json.Nodes.JsonObject manifest)
    {
        await h.CreateServicesAsync("web-stable", "web-canary");
        await h.CreateRolloutAsync(manifest);
        var first = await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await h.SetImageAsync("web:2");
        var started = await h.ReconcileUntilAsync(r => r.Status?.CanaryRevision is not null && r.Status.CanaryRevision != first.Status!.StableRevision);
        return started.Status!.CanaryRevision!;
    }

    private static void AssertRoot(Activity root, Rollout rollout, TraceStatus trace, string outcome, ActivityStatusCode status)
    {
        Assert.Equal("rollout", root.DisplayName);
        Assert.Equal(trace.StartedAt.UtcDateTime, root.StartTimeUtc);
        Assert.Equal(outcome, SpanTree.Tag(root, SpanAttributes.Outcome));
        Assert.Equal(status, root.Status);
        Assert.Equal(trace.Revision, SpanTree.Tag(root, SpanAttributes.Revision));
        Assert.Equal(rollout.Metadata.Name, SpanTree.Tag(root, SpanAttributes.Rollout));
        Assert.Equal(rollout.Metadata.NamespaceProperty, SpanTree.Tag(root, SpanAttributes.Namespace));
        Assert.Equal(rollout.Metadata.Uid, SpanTree.Tag(root, SpanAttributes.RolloutUid));
    }
}
