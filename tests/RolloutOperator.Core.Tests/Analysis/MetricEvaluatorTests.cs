using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

public sealed class MetricEvaluatorTests
{
    // Sequences read S(uccessful) F(ailed) I(nconclusive) E(rror), oldest first.
    public static TheoryData<string, string, int?, int, int, int, AnalysisPhase> LimitCases => new()
    {
        { "failure within failureLimit keeps running", "F", 5, 1, 0, 4, AnalysisPhase.Running },
        { "one failure over failureLimit fails", "FF", 5, 1, 0, 4, AnalysisPhase.Failed },
        { "failureLimit 0 fails on first failure", "SF", 5, 0, 0, 4, AnalysisPhase.Failed },
        { "inconclusive within limit keeps running", "I", 5, 0, 1, 4, AnalysisPhase.Running },
        { "inconclusive over limit", "II", 5, 0, 1, 4, AnalysisPhase.Inconclusive },
        { "errors up to consecutiveErrorLimit keep running", "EE", 5, 0, 0, 2, AnalysisPhase.Running },
        { "errors over consecutiveErrorLimit error", "EEE", 5, 0, 0, 2, AnalysisPhase.Error },
        { "a judged measurement resets the error streak", "EESEE", 5, 0, 0, 2, AnalysisPhase.Running },
        { "consecutiveErrorLimit 0 errors at once", "E", 5, 0, 0, 0, AnalysisPhase.Error },
        { "count reached with successes", "SSS", 3, 0, 0, 4, AnalysisPhase.Successful },
        { "errors do not consume count", "SESE", 3, 0, 0, 4, AnalysisPhase.Running },
        { "count reached after errors", "SESES", 3, 0, 0, 4, AnalysisPhase.Successful },
        { "tolerated failure still completes", "SFS", 3, 1, 0, 4, AnalysisPhase.Successful },
        { "zero successes never pass", "II", 2, 0, 5, 4, AnalysisPhase.Inconclusive },
        { "zero successes with tolerated failures", "FF", 2, 5, 0, 4, AnalysisPhase.Inconclusive },
        { "no count runs until told otherwise", "SSSSSSSSSSSS", null, 0, 0, 4, AnalysisPhase.Running },
        { "failure beats count", "SSF", 3, 0, 0, 4, AnalysisPhase.Failed },
    };

    [Theory]
    [MemberData(nameof(LimitCases))]
    public void Record_Sequence_ReachesPhase(string name, string sequence, int? count, int failureLimit, int inconclusiveLimit, int errorLimit, AnalysisPhase expected)
    {
        var plan = Plan(count: count, failureLimit: failureLimit, inconclusiveLimit: inconclusiveLimit, consecutiveErrorLimit: errorLimit);

        var status = Replay(plan, sequence);

        Assert.True(expected == status.Phase, $"{name}: {status.Phase} — {status.Message}");
    }

    [Fact]
    public void Record_Measurements_CountsEachVerdictAndErrorStreak()
    {
        var status = Replay(Plan(count: 100, failureLimit: 10, inconclusiveLimit: 10), "SFIEE");

        Assert.Equal((1, 1, 1, 2, 2), (status.Successful, status.Failed, status.Inconclusive, status.Error, status.ConsecutiveErrors));
    }

    [Fact]
    public void Record_ManyMeasurements_KeepsLastTenOldestFirst()
    {
        var plan = Plan(count: null);
        var status = MetricEvaluator.Start(plan);
        for (var i = 0; i < 15; i++)
        {
            status = MetricEvaluator.Record(status, plan, Measured(AnalysisPhase.Successful, T0.AddMinutes(i), $"{i}"));
        }

        Assert.Equal(10, status.Measurements.Count);
        Assert.Equal(["5", "6", "7", "8", "9", "10", "11", "12", "13", "14"], status.Measurements.Select(m => m.Value));
        Assert.Equal(15, status.Successful);
    }

    [Fact]
    public void Record_TerminalMetric_TakesNoMoreMeasurements()
    {
        var plan = Plan(count: 1);
        var done = Replay(plan, "S");

        var after = MetricEvaluator.Record(done, plan, Measured(AnalysisPhase.Failed, T0.AddHours(1)));

        Assert.Same(done, after);
    }

    [Fact]
    public void Record_Input_IsNotMutated()
    {
        var plan = Plan();
        var start = MetricEvaluator.Start(plan);

        _ = MetricEvaluator.Record(start, plan, Measured(AnalysisPhase.Failed, T0));

        Assert.Empty(start.Measurements);
        Assert.Equal(0, start.Failed);
        Assert.Equal(AnalysisPhase.Running, start.Phase);
    }

    [Fact]
    public void Record_FailedOverLimit_MessageNamesCountLimitValueAndCondition()
    {
        var plan = Plan(count: 5, failureLimit: 1);

        var status = Replay(plan, "FF", value: "0.81");

        Assert.Equal("2 failed measurements exceed failureLimit 1; last value 0.81 for `result >= 0.99`", status.Message);
    }

    [Fact]
    public void Record_ErrorStreak_MessageNamesLastError()
    {
        var plan = Plan(consecutiveErrorLimit: 0);

        var status = MetricEvaluator.Record(MetricEvaluator.Start(plan), plan, new Measurement { Phase = AnalysisPhase.Error, At = T0, Message = "no data" });

        Assert.Equal("1 consecutive error exceeds consecutiveErrorLimit 0; last error: no data", status.Message);
    }

    [Fact]
    public void Record_FailedOverLimit_MessageEndsWithTheRenderedQueryOnOneLine()
    {
        var plan = Plan(count: 5);
        var query = "sum(rate(x{revision=\"c0ffee\"}[10s]))\n  /\n  sum(rate(y[10s]))\n";

        var status = MetricEvaluator.Record(MetricEvaluator.Start(plan), plan, Measured(AnalysisPhase.Failed, T0, "0.8") with { Query = query });

        Assert.Equal("1 failed measurement exceeds failureLimit 0; last value 0.8 for `result >= 0.99`; query: sum(rate(x{revision=\"c0ffee\"}[10s])) / sum(rate(y[10s]))", status.Message);
    }

    [Fact]
    public void Record_ErrorStreak_MessageNamesLastErrorAndItsQuery()
    {
        var plan = Plan(consecutiveErrorLimit: 0);

        var status = MetricEvaluator.Record(MetricEvaluator.Start(plan), plan, new Measurement { Phase = AnalysisPhase.Error, At = T0, Message = "no data", Query = "up{job=\"none\"}" });

        Assert.Equal("1 consecutive error exceeds consecutiveErrorLimit 0; last error: no data; query: up{job=\"none\"}", status.Message);
    }

    [Fact]
    public void Record_ZeroSuccesses_MessageSaysSo()
    {
        var status = Replay(Plan(count: 1, inconclusiveLimit: 3), "I");

        Assert.Contains("zero measurements never pass", status.Message, StringComparison.Ordinal);
    }

    private static MetricStatus Replay(MetricPlan plan, string sequence, string value = "0.5")
    {
        var status = MetricEvaluator.Start(plan);
        for (var i = 0; i < sequence.Length; i++)
        {
            var phase = sequence[i] switch
            {
                'S' => AnalysisPhase.Successful,
                'F' => AnalysisPhase.Failed,
                'I' => AnalysisPhase.Inconclusive,
                _ => AnalysisPhase.Error,
            };
            status = MetricEvaluator.Record(status, plan, Measured(phase, T0.AddMinutes(i), phase == AnalysisPhase.Error ? null : value));
        }

        return status;
    }
}
