using RolloutOperator.Core.Api;
using RolloutOperator.Core.Tests.Engine.Support;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class PauseDurationTests
{
    [Fact]
    public void TimedPause_EnteredLateInASecond_LastsItsWholeDuration()
    {
        var s = new Scenario(Canary("v1", Weight(20), Pause(10), Weight(50)));
        s.RunUntil(x => x.IsHealthy);
        s.Advance(TimeSpan.FromMilliseconds(900) - TimeSpan.FromTicks(s.Now.UtcTicks % TimeSpan.TicksPerSecond));

        // Whole-second ticks keep every reconcile, the one that enters the pause included, 0.9 s into its second.
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.CurrentStepIndex == 1, tick: TimeSpan.FromSeconds(1));
        var entered = s.Now;
        Assert.Equal(9_000_000, entered.UtcTicks % TimeSpan.TicksPerSecond);
        s.RunUntil(x => x.Status.CurrentStepIndex == 2, maxReconciles: 400, tick: TimeSpan.FromMilliseconds(100));

        Assert.True(s.Now - entered >= TimeSpan.FromSeconds(10), $"the 10 s pause ended after {(s.Now - entered).TotalSeconds:0.0} s");
    }

    [Fact]
    public void StepStartedAt_WithSubSecondDigits_SurvivesTheStatusRoundTrip()
    {
        var started = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(9_123_456);

        var read = ApiJson.Deserialize<RolloutStatus>(ApiJson.Serialize(new RolloutStatus { StepStartedAt = started }));

        Assert.Equal(started, read!.StepStartedAt);
    }

    [Fact]
    public void StepStartedAt_OnAWholeSecond_IsWrittenWithoutFraction()
    {
        var started = new DateTimeOffset(2026, 1, 1, 0, 0, 7, TimeSpan.Zero);

        Assert.Contains("\"stepStartedAt\":\"2026-01-01T00:00:07Z\"", ApiJson.Serialize(new RolloutStatus { StepStartedAt = started }), StringComparison.Ordinal);
    }
}
