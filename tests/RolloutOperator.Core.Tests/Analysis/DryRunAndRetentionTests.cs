using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Analysis.MetricReplay;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>dryRun metrics are measured and shown but never decide; measurementRetention bounds the kept history.</summary>
public sealed class DryRunAndRetentionTests
{
    [Fact]
    public void Record_DryRunMetricFails_AnalysisStillSucceeds()
    {
        var plan = new AnalysisPlan([Plan("gate", count: 1), Plan("trial", count: 1) with { DryRun = true }], []);
        var run = AnalysisEvaluator.Start("step-1", "rev-a", plan, T0);

        run = AnalysisEvaluator.Record(run, plan, Result("trial", T0, 0.5));
        Assert.Equal(AnalysisPhase.Running, run.Phase);
        run = AnalysisEvaluator.Record(run, plan, Result("gate", T0, 1.0));

        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        var trial = run.Metrics.Single(m => m.Name == "trial");
        Assert.Equal((AnalysisPhase.Failed, true), (trial.Phase, trial.DryRun));
        Assert.Contains("dry-run metric trial failed (never decides)", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_DryRunMetricStillRunning_AnalysisWaitsForIt()
    {
        var plan = new AnalysisPlan([Plan("gate", count: 1), Plan("trial", count: 2) with { DryRun = true }], []);
        var run = AnalysisEvaluator.Start("step-1", "rev-a", plan, T0);

        run = AnalysisEvaluator.Record(run, plan, Result("gate", T0, 1.0));
        run = AnalysisEvaluator.Record(run, plan, Result("trial", T0, 1.0));

        Assert.Equal(AnalysisPhase.Running, run.Phase);
        Assert.Equal(["trial"], AnalysisEvaluator.Due(run, plan, T0.AddMinutes(1)).Select(m => m.Name));
    }

    [Fact]
    public void Record_GatingMetricFails_DecidesEvenBesideADryRunSuccess()
    {
        var plan = new AnalysisPlan([Plan("gate", count: 1), Plan("trial", count: 1) with { DryRun = true }], []);
        var run = AnalysisEvaluator.Start("step-1", "rev-a", plan, T0);

        run = AnalysisEvaluator.Record(run, plan, Result("trial", T0, 1.0));
        run = AnalysisEvaluator.Record(run, plan, Result("gate", T0, 0.5));

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
        Assert.StartsWith("metric gate failed", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_OnlyDryRunMetrics_CompleteAsSuccessfulWhateverTheirVerdict()
    {
        var plan = new AnalysisPlan([Plan("trial", count: 1) with { DryRun = true }], []);
        var run = AnalysisEvaluator.Start("step-1", "rev-a", plan, T0);

        run = AnalysisEvaluator.Record(run, plan, Failure("trial", T0) with { Error = null, Values = [] });

        Assert.Equal(AnalysisPhase.Running, run.Phase);
        for (var i = 1; i <= 4; i++)
        {
            run = AnalysisEvaluator.Record(run, plan, Result("trial", T0.AddMinutes(i)));
        }

        Assert.Equal(AnalysisPhase.Error, run.Metrics.Single().Phase);
        Assert.Equal(AnalysisPhase.Successful, run.Phase);
    }

    [Fact]
    public void IsPassingForPromotion_FailedDryRunBackgroundMetric_DoesNotHoldPromotion()
    {
        var plan = new AnalysisPlan([Plan("gate", count: null), Plan("trial", count: null) with { DryRun = true }], []);
        var run = AnalysisEvaluator.Start("step-1", "rev-a", plan, T0);

        run = AnalysisEvaluator.Record(run, plan, Result("gate", T0, 1.0));
        run = AnalysisEvaluator.Record(run, plan, Result("trial", T0, 0.1));

        Assert.Equal(AnalysisPhase.Running, run.Phase);
        Assert.True(AnalysisEvaluator.IsPassingForPromotion(run, plan));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Record_Retention_KeepsOnlyTheNewestMeasurements(int retention)
    {
        var plan = Plan(count: null) with { MeasurementRetention = retention };

        var status = Replay(plan, new string('S', 15), value: "v");

        Assert.Equal(Enumerable.Range(15 - retention, retention).Select(i => $"v-{i}"), status.Measurements.Select(m => m.Value));
        Assert.Equal(15, status.Successful);
    }
}
