using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>A measurement that spans reconciles (a job metric's Job): remembered, never judged, rechecked without a hot loop.</summary>
public sealed class InProgressMeasurementTests
{
    private static readonly AnalysisPlan Smoke = new([Plan(name: "smoke", success: "result == 1", count: 1)], []);

    [Fact]
    public void Record_InProgress_RemembersTheJobWithoutCounting()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", Smoke, T0);

        var recorded = AnalysisEvaluator.Record(run, Smoke, Started(T0.AddSeconds(1), "job-0"));

        var metric = Assert.Single(recorded.Metrics);
        Assert.Equal(AnalysisPhase.Running, recorded.Phase);
        Assert.Equal("job-0", metric.InProgress!.Name);
        Assert.Equal((0, 0, 0, 0), (metric.Successful, metric.Failed, metric.Inconclusive, metric.Error));
        Assert.Empty(metric.Measurements);
        Assert.Contains("in progress", metric.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_SameInProgressAgain_ReturnsTheSameRun()
    {
        var run = AnalysisEvaluator.Record(AnalysisEvaluator.Start("step-1", "rev-a", Smoke, T0), Smoke, Started(T0, "job-0"));

        var again = AnalysisEvaluator.Record(run, Smoke, Started(T0.AddSeconds(30), "job-0"));

        Assert.Same(run, again);
    }

    [Fact]
    public void DueAndNextDue_WhileInProgress_AlwaysDueButRecheckedLater()
    {
        var run = AnalysisEvaluator.Record(AnalysisEvaluator.Start("step-1", "rev-a", Smoke, T0), Smoke, Started(T0, "job-0"));
        var now = T0.AddMinutes(7);

        Assert.Equal(["smoke"], AnalysisEvaluator.Due(run, Smoke, now).Select(m => m.Name));
        Assert.Equal(now + AnalysisEvaluator.InProgressRecheck, AnalysisEvaluator.NextDue(run, Smoke, now));
    }

    [Fact]
    public void Record_FinishedAfterInProgress_JudgesAndClearsIt()
    {
        var run = AnalysisEvaluator.Record(AnalysisEvaluator.Start("step-1", "rev-a", Smoke, T0), Smoke, Started(T0, "job-0"));

        var failed = AnalysisEvaluator.Record(run, Smoke, Result("smoke", T0.AddMinutes(2), 0));

        var metric = Assert.Single(failed.Metrics);
        Assert.Null(metric.InProgress);
        Assert.Equal(AnalysisPhase.Failed, failed.Phase);
        Assert.Equal(1, metric.Failed);
    }

    private static MeasurementResult Started(DateTimeOffset at, string job) =>
        new("step-1", "rev-a", "smoke", at, null, null, $"Job {job}") { InProgress = new MeasurementInProgress { Name = job, StartedAt = at } };
}
