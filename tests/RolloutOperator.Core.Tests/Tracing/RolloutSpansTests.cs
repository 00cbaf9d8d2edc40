using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Tests.Engine.Support;
using RolloutOperator.Core.Tracing;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;
using static RolloutOperator.Core.Tests.Tracing.TracedScenario;

namespace RolloutOperator.Core.Tests.Tracing;

public sealed class RolloutSpansTests
{
    private static Scenario HealthyAt(string revision, Core.Plans.RolloutPlan plan)
    {
        var scenario = new Scenario(plan with { Revision = revision });
        scenario.RunUntil(s => s.IsHealthy);
        return scenario;
    }

    [Fact]
    public void CanaryPromoted_StepsPauseAndAnalysis_OneTreeWithStepsAnalysisAndMeasurements()
    {
        var s = HealthyAt("v1", Canary("v1", Weight(20), Pause(30), AnalysisStep(Metric("success", count: 2)), Weight(50)));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.StableRevision == "v2");

        var (spans, written) = Replay(s);
        var trace = written[^1].Trace!;
        Assert.Equal(TraceIds.Trace(Uid, "v2", trace.StartedAt), trace.TraceId);
        Assert.DoesNotContain(spans, x => x.TraceId != trace.TraceId);
        var tree = Tree(spans, trace.TraceId);
        var root = tree.Single(x => x.ParentSpanId is null);
        Assert.Equal(("rollout", SpanOutcome.Ok, "Promoted"), (root.Name, root.Outcome, Attribute(root, SpanAttributes.Outcome)));
        Assert.Equal(written[^1].History![0].At, root.End);

        var steps = tree.Where(x => x.ParentSpanId == root.SpanId).OrderBy(x => (long)Attribute(x, SpanAttributes.StepIndex)!).ToList();
        Assert.Equal(["step setWeight", "step pause", "step analysis", "step setWeight"], steps.Select(x => x.Name));
        Assert.Equal(root.Start, steps[0].Start);
        Assert.All(steps.Zip(steps.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(TimeSpan.FromSeconds(30), steps[1].End - steps[1].Start);

        var analysis = Assert.Single(tree, x => x.ParentSpanId == steps[2].SpanId);
        Assert.Equal(("analysis step-2", SpanOutcome.Ok), (analysis.Name, analysis.Outcome));
        var measurements = tree.Where(x => x.ParentSpanId == analysis.SpanId).ToList();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(("Successful", "1", "prometheus"), (Attribute(m, SpanAttributes.Verdict), Attribute(m, SpanAttributes.Value), Attribute(m, SpanAttributes.MetricProvider))));
    }

    [Fact]
    public void SameWrite_ComputedTwice_SameSpanIds()
    {
        // An operator that restarts between emitting and recording re-derives the same write: the spans repeat exactly.
        var s = HealthyAt("v1", Canary("v1", Weight(20), AnalysisStep(Metric("success")), Weight(50)));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.StableRevision == "v2");

        var (first, _) = Replay(s);
        var (second, _) = Replay(s);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(x => (x.TraceId, x.SpanId, x.ParentSpanId, x.Start, x.End)), second.Select(x => (x.TraceId, x.SpanId, x.ParentSpanId, x.Start, x.End)));
    }

    [Fact]
    public void AbortThenRetry_SecondAttempt_NewTraceAndEachRootOnce()
    {
        var s = HealthyAt("v1", Canary("v1", Weight(20), AnalysisStep(Metric("success")), Weight(60)));
        s.Metrics = (_, revision) => revision == "v2" ? [0.5] : [1.0];
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Abort is not null);
        s.RunFor(TimeSpan.FromSeconds(5));
        s.Advance(TimeSpan.FromSeconds(5));
        s.Metrics = (_, _) => [1.0];
        s.Command(CommandKind.Retry);
        s.RunUntil(x => x.Status.StableRevision == "v2");

        var (spans, written) = Replay(s);
        var traces = written.Select(w => w.Trace).OfType<TraceStatus>().Distinct().ToList();
        Assert.Equal(2, traces.Count);
        Assert.All(traces, t => Assert.Equal("v2", t.Revision));
        var aborted = Tree(spans, traces[0].TraceId).Single(x => x.ParentSpanId is null);
        var promoted = Tree(spans, traces[1].TraceId).Single(x => x.ParentSpanId is null);
        Assert.Equal((SpanOutcome.Error, "Aborted"), (aborted.Outcome, Attribute(aborted, SpanAttributes.Outcome)));
        Assert.Equal((SpanOutcome.Ok, "Promoted"), (promoted.Outcome, Attribute(promoted, SpanAttributes.Outcome)));
        var abortedStep = Assert.Single(spans, x => x.TraceId == traces[0].TraceId && x.Name == "step analysis");
        Assert.Equal(SpanOutcome.Error, abortedStep.Outcome);
    }

    [Fact]
    public void NewRevisionMidRollout_Superseded_OldRootAndItsStepEndUnsetAndNewTraceStarts()
    {
        var s = HealthyAt("v1", Canary("v1", Weight(20), Pause(), Weight(60)));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.CurrentStepIndex == 1);
        s.RunFor(TimeSpan.FromSeconds(10));
        s.DeployNew("v3");
        s.RunUntil(x => x.Status.CanaryRevision == "v3");

        var (spans, written) = Replay(s);
        var v2 = written.Select(w => w.Trace).OfType<TraceStatus>().First(t => t.Revision == "v2");
        var tree = Tree(spans, v2.TraceId);
        var root = tree.Single(x => x.ParentSpanId is null);
        Assert.Equal((SpanOutcome.Unset, "Superseded"), (root.Outcome, Attribute(root, SpanAttributes.Outcome)));
        var paused = Assert.Single(tree, x => x.Name == "step pause");
        Assert.Equal(root.End, paused.End);
        Assert.Equal("v3", written[^1].Trace!.Revision);
    }

    [Fact]
    public void BlueGreenPromoted_PrePromotionAnalysis_IsChildOfSwitch()
    {
        var s = HealthyAt("v1", Rollout("v1", BlueGreen(pre: AnalysisOf(Metric("success")))));
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.StableRevision == "v2");

        var (spans, written) = Replay(s);
        var tree = Tree(spans, written[^1].Trace!.TraceId);
        var root = tree.Single(x => x.ParentSpanId is null);
        var phases = tree.Where(x => x.ParentSpanId == root.SpanId).OrderBy(x => x.Start).ThenBy(x => x.End).ToList();
        Assert.Equal(["step preview", "step switch"], phases.Select(x => x.Name));
        Assert.Equal("analysis prePromotion", Assert.Single(tree, x => x.ParentSpanId == phases[1].SpanId).Name);
    }

    [Fact]
    public void FirstRevision_NoRollout_NoTraceAndNoSpans()
    {
        var s = HealthyAt("v1", Canary("v1", Weight(20)));

        var (spans, written) = Replay(s);

        Assert.Empty(spans);
        Assert.All(written, w => Assert.Null(w.Trace));
    }
}
