using CsCheck;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Analysis.MetricReplay;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>Counting invariants of one metric over arbitrary measurement sequences and limits.</summary>
public sealed class MetricCountingPropertyTests
{
    private static readonly Gen<string> Sequences = Gen.Char["SFIE"].Array[0, 40].Select(c => new string(c));

    // 0 stands for "unset" for count and consecutiveSuccessLimit; the parser rejects a streak longer than count.
    private static readonly Gen<MetricPlan> Plans =
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 10], Gen.Int[1, 10], Gen.Bool)
            .Select(PlanOf)
            .Where(p => p.ConsecutiveSuccessLimit is null || p.Count is null || p.ConsecutiveSuccessLimit <= p.Count);

    [Fact]
    public void Replay_AnySequence_CountsMatchTheRecordedPrefix()
    {
        Gen.Select(Plans, Sequences).Sample((plan, sequence) =>
        {
            var status = Replay(plan, sequence);
            var taken = sequence[..(status.Successful + status.Failed + status.Inconclusive + status.Error)];
            var last = taken.Length == 0 ? "" : taken[^Math.Min(taken.Length, plan.MeasurementRetention)..];

            Assert.Equal(Occurrences(taken, 'S'), status.Successful);
            Assert.Equal(Occurrences(taken, 'F'), status.Failed);
            Assert.Equal(Occurrences(taken, 'I'), status.Inconclusive);
            Assert.Equal(Occurrences(taken, 'E'), status.Error);
            Assert.Equal(TrailingRun(taken, 'E'), status.ConsecutiveErrors);
            Assert.Equal(plan.ConsecutiveSuccessLimit is null ? null : TrailingRun(taken, 'S'), status.ConsecutiveSuccesses);
            Assert.Equal(last.Select(PhaseOf), status.Measurements.Select(m => m.Phase));
            Assert.Equal(plan.DryRun ? true : null, status.DryRun);
        });
    }

    [Fact]
    public void Replay_AnySequence_StopsExactlyWhenALimitIsCrossed()
    {
        Gen.Select(Plans, Sequences).Sample((plan, sequence) =>
        {
            var status = Replay(plan, sequence);
            var judged = status.Successful + status.Failed + status.Inconclusive;
            var taken = status.Successful + status.Failed + status.Inconclusive + status.Error;

            // Running only while every sequence element was taken; terminal only for a reason the limits name.
            if (status.Phase == AnalysisPhase.Running)
            {
                Assert.Equal(sequence.Length, taken);
                Assert.True(plan.Count is null || judged < plan.Count);
                Assert.False(plan.ConsecutiveSuccessLimit is { } s && status.ConsecutiveSuccesses >= s);
            }
            else
            {
                var streakMet = plan.ConsecutiveSuccessLimit is { } s && status.ConsecutiveSuccesses >= s;
                var reason = status.Failed > plan.FailureLimit || status.Inconclusive > plan.InconclusiveLimit
                    || status.ConsecutiveErrors > plan.ConsecutiveErrorLimit || streakMet || judged >= plan.Count;
                Assert.True(reason, $"{sequence}: {status.Phase} without a crossed limit");
            }

            // A pass always rests on at least one successful measurement, and a streak pass on the whole streak.
            if (status.Phase == AnalysisPhase.Successful)
            {
                Assert.True(status.Successful >= 1);
                Assert.True(plan.ConsecutiveSuccessLimit is not { } s || status.ConsecutiveSuccesses >= s);
            }
        });
    }

    private static MetricPlan PlanOf(int count, int failures, int inconclusives, int errors, int streak, int retention, bool dryRun)
    {
        var plan = Plan(count: count == 0 ? null : count, failureLimit: failures, inconclusiveLimit: inconclusives, consecutiveErrorLimit: errors);
        return plan with { ConsecutiveSuccessLimit = streak == 0 ? null : streak, MeasurementRetention = retention, DryRun = dryRun };
    }

    private static int Occurrences(string text, char c) => text.Count(x => x == c);

    private static int TrailingRun(string text, char c) => text.Length - text.TrimEnd(c).Length;
}
