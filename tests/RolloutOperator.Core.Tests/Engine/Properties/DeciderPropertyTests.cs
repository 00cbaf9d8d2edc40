using System.Text.Json;
using CsCheck;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;

namespace RolloutOperator.Core.Tests.Engine.Properties;

public sealed class DeciderPropertyTests
{
    private const int Iterations = 150;

    [Fact]
    public void Weight_AlwaysWithin0To100()
    {
        RolloutGenerators.Run(withPromotions: true).Sample(run => RunDriver.Play(run, (s, decision, _) =>
        {
            var traffic = decision.Status.Traffic;
            if (traffic is not null)
            {
                Assert.InRange(traffic.DesiredWeight, 0, 100);
                Assert.InRange(traffic.ObservedWeight ?? 0, 0, 100);
            }

            foreach (var route in decision.Actions.OfType<RouteTraffic>())
            {
                Assert.InRange(route.CanaryWeight, 0, 100);
            }

            foreach (var scale in decision.Actions.OfType<ScaleRevision>())
            {
                Assert.True(scale.Replicas >= 0);
            }
        }), iter: Iterations);
    }

    [Fact]
    public void AfterAbort_WeightIsZeroAndNeverRisesUntilRetryOrNewRevision()
    {
        var abortedStates = 0;
        RolloutGenerators.Run(withPromotions: true).Sample(run =>
        {
            int? previous = null;
            RunDriver.Play(run, (s, decision, _) =>
            {
                var status = decision.Status;
                if (status.Abort is null || status.Abort.Revision != s.Plan.Revision || status.Traffic is null)
                {
                    previous = null;
                    return;
                }

                var weight = status.Traffic.DesiredWeight;
                var dynamic = s.Plan.Strategy is CanaryPlan { DynamicStableScale: true };
                if (!dynamic)
                {
                    Assert.Equal(0, weight);
                }

                Assert.True(previous is null || weight <= previous, $"weight rose from {previous} to {weight} while aborted");
                previous = weight;
                Interlocked.Increment(ref abortedStates);
            });
        }, iter: Iterations);

        // The property is only meaningful if generated runs reach aborted states.
        Assert.True(abortedStates > 0);
    }

    [Fact]
    public void NoPromotion_WithoutEveryRequiredAnalysisSuccessful()
    {
        var promotions = 0;
        RolloutGenerators.Run(withPromotions: false).Sample(run =>
        {
            var exempt = new HashSet<string>(StringComparer.Ordinal);
            string? stable = null;
            RunDriver.Play(run, (s, decision, _) =>
            {
                foreach (var e in decision.Events.Where(e => e.Reason == "RollbackWindow"))
                {
                    exempt.Add(s.Plan.Revision);
                }

                var now = decision.Status.StableRevision;
                if (stable is not null && now != stable && !exempt.Contains(now!))
                {
                    AssertAnalysesPassed(s.Plan, decision.Status);
                    Interlocked.Increment(ref promotions);
                }

                stable = now;
            });
        }, iter: Iterations);

        Assert.True(promotions > 0);
    }

    private static void AssertAnalysesPassed(RolloutPlan plan, RolloutStatus status)
    {
        var required = plan.Strategy switch
        {
            CanaryPlan canary => canary.Steps.Select((step, i) => (step, i)).Where(x => x.step is AnalysisStepPlan).Select(x => $"step-{x.i}")
                .Concat(canary.Background is null ? [] : ["background"]),
            BlueGreenPlan bg => (bg.PrePromotion is null ? Array.Empty<string>() : ["prePromotion"]).Concat(bg.PostPromotion is null ? [] : ["postPromotion"]),
            _ => [],
        };
        foreach (var key in required)
        {
            var run = status.Analyses?.SingleOrDefault(a => a.Key == key);
            Assert.True(run is { Phase: AnalysisPhase.Successful }, $"promoted {status.StableRevision} with analysis {key} {run?.Phase.ToString() ?? "missing"}");
            Assert.All(run!.Metrics, m => Assert.True(m.Successful > 0, $"metric {m.Name} of {key} passed with no successful measurement"));
        }
    }

    [Fact]
    public void EveryProgressingState_SchedulesAWakeUp()
    {
        // Nothing waits forever silently: a rollout that is neither healthy, paused nor degraded always knows when to look again.
        RolloutGenerators.Run(withPromotions: true).Sample(run => RunDriver.Play(run, (_, decision, _) =>
        {
            if (decision.Status.Phase == RolloutPhase.Progressing)
            {
                Assert.True(decision.RequeueAfter is not null, $"progressing without a wake-up: {decision.Status.Message}");
            }
        }), iter: Iterations);
    }

    [Fact]
    public void Decide_IsDeterministic()
    {
        RolloutGenerators.Run(withPromotions: true).Sample(run =>
        {
            RolloutStatus before = new();
            RunDriver.Play(run, (s, decision, _) =>
            {
                var observation = LastObservation(s);
                var again = RolloutDecider.Decide(s.Plan, before, observation);
                Assert.Equal(Describe(decision), Describe(again));
                before = decision.Status;
            });
        }, iter: Iterations / 3);
    }

    [Fact]
    public void Status_RoundTripsThroughJsonUnchanged()
    {
        RolloutGenerators.Run(withPromotions: true).Sample(run => RunDriver.Play(run, (_, decision, _) =>
        {
            var json = ApiJson.Serialize(decision.Status);
            var back = ApiJson.Deserialize<RolloutStatus>(json)!;
            Assert.Equal(json, ApiJson.Serialize(back));
        }), iter: Iterations / 2);
    }

    private static RolloutObservation LastObservation(Scenario s) => s.Observations[^1];

    private static string Describe(Decision d) =>
        ApiJson.Serialize(d.Status) + "|" +
        string.Join(";", d.Actions.Select(a => a.GetType().Name + JsonSerializer.Serialize(a, a.GetType(), ApiJson.Options))) + "|" +
        string.Join(";", d.Events) + "|" + d.RequeueAfter;
}
