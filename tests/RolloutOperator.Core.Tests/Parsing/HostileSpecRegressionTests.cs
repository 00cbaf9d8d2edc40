using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using TestPlans = RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Parsing;

/// <summary>Defects found by hostile specs that are not a single InvalidSpec field (those are in <see cref="HostileSpecCases"/>).</summary>
public sealed class HostileSpecRegressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("30\n", DurationReading.Malformed)]
    [InlineData("\n30", DurationReading.Malformed)]
    [InlineData("1h\n", DurationReading.Malformed)]
    [InlineData("99999999999999999999", DurationReading.TooLong)]
    [InlineData("9999999999999", DurationReading.TooLong)]
    [InlineData("99999999999h", DurationReading.TooLong)]
    [InlineData("8760h0.001s", DurationReading.TooLong)]
    [InlineData("8760h", DurationReading.Valid)]
    [InlineData("31536000", DurationReading.Valid)]
    [InlineData("1h30m", DurationReading.Valid)]
    public void Durations_Read_RefusesNewlinesAndOverflow(string text, DurationReading expected)
    {
        Assert.Equal(expected, Durations.Read(text, out var value));
        Assert.True(value >= TimeSpan.Zero && value <= Durations.Maximum);
    }

    [Fact]
    public void Durations_DotNetPattern_IsTheSchemaPatternWithEndOfText()
    {
        // The schema keeps Go's "$" (end of text in RE2); the parser must read it the same way.
        Assert.Equal(Durations.DotNetPattern, Durations.Pattern.Replace("$", "\\z", StringComparison.Ordinal));
        Assert.False(Durations.TryParse("30\n", out _));
    }

    [Fact]
    public void Parse_MaxSurgeAboveReplicas_IsCappedAtReplicas()
    {
        // 2147483647 was kept as is, and total + maxSurge wrapped to a negative canary scale.
        var spec = Specs.Canary().Mutate(s => s.Canary().MaxSurge = IntOrString.FromInt(int.MaxValue));

        var canary = (CanaryPlan)SpecParser.Parse(spec, Specs.Context()).Plan!.Strategy;

        Assert.Equal(4, canary.MaxSurge);
    }

    [Fact]
    public void Decide_ObservedReplicasNearIntMax_SaturatesInsteadOfThrowing()
    {
        // Anyone may scale a revision's Deployment; the replica sums of the summary threw OverflowException.
        var plan = TestPlans.Canary("v2", TestPlans.Weight(50));
        var observation = new RolloutObservation(
            Now,
            1,
            new Dictionary<string, RevisionObservation>
            {
                ["v1"] = new(int.MaxValue, int.MaxValue, int.MaxValue, Now),
                ["v2"] = new(int.MaxValue, int.MaxValue, int.MaxValue, Now),
            },
            null,
            new Dictionary<ServiceRole, string?> { [ServiceRole.Stable] = "v1", [ServiceRole.Canary] = "v2" },
            [],
            []);

        var decision = RolloutDecider.Decide(plan, new RolloutStatus { StableRevision = "v1" }, observation);

        Assert.Equal(int.MaxValue, decision.Status.Replicas);
    }

    [Fact]
    public void Decide_PauseStartedAtTheEndOfTime_WaitsInsteadOfThrowing()
    {
        // A start time read back from status plus a valid pause overflowed DateTimeOffset.
        var s = new Scenario(TestPlans.Canary("v1", TestPlans.Weight(10), TestPlans.Pause(60)));
        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        s.RunUntil(x => x.Status.Pauses is { Count: > 0 });
        var late = s.Status with { StepStartedAt = DateTimeOffset.MaxValue.AddSeconds(-1) };

        var decision = RolloutDecider.Decide(s.Plan, late, s.Observations[^1]);

        Assert.Equal(RolloutPhase.Paused, decision.Status.Phase);
    }

    [Fact]
    public void KubeTime_After_SaturatesAtTheLastInstant()
    {
        Assert.Equal(DateTimeOffset.MaxValue, KubeTime.After(DateTimeOffset.MaxValue.AddDays(-1), Durations.Maximum));
        Assert.Equal(Now.AddHours(1), KubeTime.After(Now, TimeSpan.FromHours(1)));
    }
}
