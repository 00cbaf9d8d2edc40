using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

public sealed class AnalysisEvaluatorTests
{
    private static readonly AnalysisPlan TwoMetrics = new(
        [Plan(name: "success-rate", count: 2), Plan(name: "latency", success: "result < 0.3", count: 2, interval: TimeSpan.FromMinutes(2), initialDelay: TimeSpan.FromMinutes(5))],
        []);

    [Fact]
    public void Start_Plan_AllMetricsRunningAndStartTruncated()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0.AddMilliseconds(900));

        Assert.Equal(AnalysisPhase.Running, run.Phase);
        Assert.Equal(T0, run.StartedAt);
        Assert.Equal(["success-rate", "latency"], run.Metrics.Select(m => m.Name));
        Assert.All(run.Metrics, m => Assert.Equal(AnalysisPhase.Running, m.Phase));
    }

    public static TheoryData<string, int, string[]> DueCases => new()
    {
        { "at start only metrics without initialDelay", 0, ["success-rate"] },
        { "before initialDelay elapses", 299, ["success-rate"] },
        { "initialDelay elapsed", 300, ["success-rate", "latency"] },
    };

    [Theory]
    [MemberData(nameof(DueCases))]
    public void Due_BeforeFirstMeasurement_HonoursInitialDelay(string name, int seconds, string[] expected)
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);

        var due = AnalysisEvaluator.Due(run, TwoMetrics, T0.AddSeconds(seconds));

        Assert.True(expected.SequenceEqual(due.Select(m => m.Name)), name);
    }

    [Theory]
    [InlineData("just measured", 0, false)]
    [InlineData("interval not elapsed", 59, false)]
    [InlineData("interval elapsed", 60, true)]
    public void Due_AfterMeasurement_AtMostOncePerInterval(string name, int seconds, bool expected)
    {
        var plan = new AnalysisPlan([Plan(count: 5)], []);
        var run = AnalysisEvaluator.Record(AnalysisEvaluator.Start("step-1", "rev-a", plan, T0), plan, Result("success-rate", T0, 0.995));

        var due = AnalysisEvaluator.Due(run, plan, T0.AddSeconds(seconds));

        Assert.True(expected == (due.Count == 1), name);
    }

    [Fact]
    public void Record_ResultBeforeIntervalElapsed_IsIgnored()
    {
        var plan = new AnalysisPlan([Plan(count: 5)], []);
        var run = AnalysisEvaluator.Record(AnalysisEvaluator.Start("step-1", "rev-a", plan, T0), plan, Result("success-rate", T0, 0.995));

        var again = AnalysisEvaluator.Record(run, plan, Result("success-rate", T0.AddSeconds(30), 0.1));

        Assert.Same(run, again);
    }

    public static TheoryData<string, MeasurementResult> IgnoredResults => new()
    {
        { "unknown metric", Result("nope", T0, 0.1) },
        { "other analysis key", new MeasurementResult("background", "rev-a", "success-rate", T0, [0.1], null, "up") },
        { "other revision", new MeasurementResult("step-1", "rev-b", "success-rate", T0, [0.1], null, "up") },
        { "before initial delay", Result("latency", T0.AddMinutes(4), 0.1) },
    };

    [Theory]
    [MemberData(nameof(IgnoredResults))]
    public void Record_ResultNotForThisRun_IsIgnored(string name, MeasurementResult result)
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);

        Assert.True(ReferenceEquals(run, AnalysisEvaluator.Record(run, TwoMetrics, result)), name);
    }

    [Fact]
    public void Record_FailingMetric_FailsRunAndNamesMetricValueConditionAndQuery()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);

        run = AnalysisEvaluator.Record(run, TwoMetrics, Result("success-rate", T0, 0.81));

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
        Assert.Equal("metric success-rate failed: 1 failed measurement exceeds failureLimit 0; last value 0.81 for `result >= 0.99`; query: up", run.Message);
    }

    [Fact]
    public void Record_TerminalRun_IgnoresFurtherResults()
    {
        var run = AnalysisEvaluator.Record(AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0), TwoMetrics, Result("success-rate", T0, 0.81));

        var after = AnalysisEvaluator.Record(run, TwoMetrics, Result("latency", T0.AddMinutes(5), 0.1));

        Assert.Same(run, after);
    }

    [Fact]
    public void Record_AllMetricsReachCount_RunSuccessful()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);
        run = AnalysisEvaluator.Record(run, TwoMetrics, Result("success-rate", T0, 0.995));
        run = AnalysisEvaluator.Record(run, TwoMetrics, Result("success-rate", T0.AddMinutes(1), 0.995));
        Assert.Equal(AnalysisPhase.Running, run.Phase);
        run = AnalysisEvaluator.Record(run, TwoMetrics, Result("latency", T0.AddMinutes(5), 0.1));
        run = AnalysisEvaluator.Record(run, TwoMetrics, Result("latency", T0.AddMinutes(7), 0.2));

        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        Assert.Empty(AnalysisEvaluator.Due(run, TwoMetrics, T0.AddHours(1)));
        Assert.Null(AnalysisEvaluator.NextDue(run, TwoMetrics, T0.AddHours(1)));
    }

    [Theory]
    [InlineData("failed beats error", AnalysisPhase.Failed, AnalysisPhase.Error, AnalysisPhase.Failed)]
    [InlineData("error beats inconclusive", AnalysisPhase.Inconclusive, AnalysisPhase.Error, AnalysisPhase.Error)]
    [InlineData("inconclusive beats success", AnalysisPhase.Successful, AnalysisPhase.Inconclusive, AnalysisPhase.Inconclusive)]
    [InlineData("success waits for running metric", AnalysisPhase.Successful, AnalysisPhase.Successful, AnalysisPhase.Running)]
    public void Record_MixedMetricVerdicts_RunTakesWorst(string name, AnalysisPhase a, AnalysisPhase b, AnalysisPhase expected)
    {
        var plan = new AnalysisPlan([Plan(name: "a"), Plan(name: "b"), Plan(name: "c", count: 5)], []);
        var run = AnalysisEvaluator.Start("step-1", "rev-a", plan, T0) with
        {
            Metrics =
            [
                new MetricStatus { Name = "a", Phase = a, Message = $"a is {a}" },
                new MetricStatus { Name = "b", Phase = b, Message = $"b is {b}" },
                new MetricStatus { Name = "c", Phase = AnalysisPhase.Running },
            ],
        };

        run = AnalysisEvaluator.Record(run, plan, Result("c", T0, 0.995));

        Assert.True(expected == run.Phase, $"{name}: {run.Message}");
    }

    [Fact]
    public void NextDue_RunningMetrics_EarliestFutureDueTime()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);
        run = AnalysisEvaluator.Record(run, TwoMetrics, Result("success-rate", T0, 0.995));

        Assert.Equal(T0.AddMinutes(1), AnalysisEvaluator.NextDue(run, TwoMetrics, T0.AddSeconds(10)));
    }

    [Fact]
    public void NextDue_OverdueMetric_IsNow()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);

        Assert.Equal(T0.AddSeconds(10), AnalysisEvaluator.NextDue(run, TwoMetrics, T0.AddSeconds(10)));
    }

    [Fact]
    public void Record_Run_IsNotMutated()
    {
        var run = AnalysisEvaluator.Start("step-1", "rev-a", TwoMetrics, T0);

        var next = AnalysisEvaluator.Record(run, TwoMetrics, Result("success-rate", T0, 0.995));

        Assert.Empty(run.Metrics[0].Measurements);
        Assert.Single(next.Metrics[0].Measurements);
    }

    [Theory]
    [InlineData("no measurement yet", "", false)]
    [InlineData("one success", "S", true)]
    [InlineData("success then tolerated error", "SE", true)]
    [InlineData("only errors", "E", false)]
    [InlineData("failed", "SF", false)]
    public void IsPassingForPromotion_Background_NeedsSuccessAndNoBadVerdict(string name, string sequence, bool expected)
    {
        var plan = new AnalysisPlan([Plan(count: null, failureLimit: 0)], []);
        var run = AnalysisEvaluator.Start("background", "rev-a", plan, T0);
        for (var i = 0; i < sequence.Length; i++)
        {
            var at = T0.AddMinutes(i);
            var result = sequence[i] switch
            {
                'S' => Result("success-rate", at, 0.995),
                'F' => Result("success-rate", at, 0.5),
                _ => Failure("success-rate", at),
            };
            run = AnalysisEvaluator.Record(run, plan, result with { AnalysisKey = "background" });
        }

        Assert.True(expected == AnalysisEvaluator.IsPassingForPromotion(run, plan), $"{name}: {run.Message}");
    }

    [Fact]
    public void IsPassingForPromotion_NoMetrics_IsFalse()
    {
        var plan = new AnalysisPlan([], []);
        var run = AnalysisEvaluator.Start("background", "rev-a", plan, T0);

        Assert.False(AnalysisEvaluator.IsPassingForPromotion(run, plan));
        Assert.NotEqual(AnalysisPhase.Successful, run.Phase);
    }
}
