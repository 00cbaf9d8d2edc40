using RolloutOperator.Core.Api;
using static RolloutOperator.Core.Tests.Analysis.MetricReplay;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>consecutiveSuccessLimit: a streak of successes completes the metric; every other limit is checked first.</summary>
public sealed class ConsecutiveSuccessLimitTests
{
    public static TheoryData<string, string, int?, int, int, int, AnalysisPhase> StreakCases => new()
    {
        { "streak reached before count passes", "SS", 5, 2, 0, 4, AnalysisPhase.Successful },
        { "streak not yet reached keeps running", "SFS", 5, 2, 1, 4, AnalysisPhase.Running },
        { "a tolerated failure resets the streak", "SFSS", 5, 2, 1, 4, AnalysisPhase.Successful },
        { "an inconclusive resets the streak", "SISS", 5, 3, 0, 4, AnalysisPhase.Inconclusive },
        { "an error resets the streak", "SESES", 10, 2, 0, 4, AnalysisPhase.Running },
        { "successes after the error complete it", "SESS", 10, 2, 0, 4, AnalysisPhase.Successful },
        { "count reached without the streak is inconclusive", "SFSF", 4, 3, 5, 4, AnalysisPhase.Inconclusive },
        { "a failure over failureLimit ends it before any streak", "FS", 5, 1, 0, 4, AnalysisPhase.Failed },
        { "error streak beats the success streak", "EEE", 5, 1, 0, 2, AnalysisPhase.Error },
        { "background without count completes on the streak", "SSS", null, 3, 0, 4, AnalysisPhase.Successful },
        { "background without count keeps running below the streak", "SSFSS", null, 3, 5, 4, AnalysisPhase.Running },
    };

    [Theory]
    [MemberData(nameof(StreakCases))]
    public void Record_Sequence_ReachesPhase(string name, string sequence, int? count, int streak, int failureLimit, int errorLimit, AnalysisPhase expected)
    {
        var plan = Plan(count: count, failureLimit: failureLimit, consecutiveErrorLimit: errorLimit) with { ConsecutiveSuccessLimit = streak };

        var status = Replay(plan, sequence);

        Assert.True(expected == status.Phase, $"{name}: {status.Phase} — {status.Message}");
    }

    [Fact]
    public void Record_StreakReached_MessageNamesTheLimitAndLastValue()
    {
        var plan = Plan(count: 10) with { ConsecutiveSuccessLimit = 2 };

        var status = Replay(plan, "SS", value: "0.999");

        Assert.Equal(2, status.ConsecutiveSuccesses);
        Assert.Equal("2 consecutive successful measurements reached consecutiveSuccessLimit 2; last value 0.999-1 for `result >= 0.99`", status.Message);
    }

    [Fact]
    public void Record_CountReachedWithoutStreak_SaysWhy()
    {
        var plan = Plan(count: 2, failureLimit: 1) with { ConsecutiveSuccessLimit = 2 };

        var status = Replay(plan, "SF");

        Assert.Equal("count 2 reached without 2 consecutive successful measurements; a human decides", status.Message);
    }

    [Fact]
    public void Start_WithoutLimit_LeavesTheStreakUnset()
    {
        var status = Replay(Plan(count: 5), "SS");

        Assert.Null(status.ConsecutiveSuccesses);
    }
}
