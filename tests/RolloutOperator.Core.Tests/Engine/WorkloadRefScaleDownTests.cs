using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Core.Tests.Engine;

public sealed class WorkloadRefScaleDownTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static RolloutObservation Observed(int stableAvailable) => new(
        Now,
        1,
        new Dictionary<string, RevisionObservation> { ["v1"] = new(4, stableAvailable, stableAvailable, Now) },
        null,
        new Dictionary<ServiceRole, string?>(),
        [],
        []);

    [Theory]
    [InlineData("never keeps the Deployment", WorkloadScaleDown.Never, RolloutPhase.Healthy, 4, 4)]
    [InlineData("onSuccess waits while progressing", WorkloadScaleDown.OnSuccess, RolloutPhase.Progressing, 4, 4)]
    [InlineData("onSuccess scales to zero once healthy", WorkloadScaleDown.OnSuccess, RolloutPhase.Healthy, 4, 0)]
    [InlineData("progressively: none of ours available", WorkloadScaleDown.Progressively, RolloutPhase.Progressing, 0, 4)]
    [InlineData("progressively: one pod per available pod", WorkloadScaleDown.Progressively, RolloutPhase.Progressing, 3, 1)]
    [InlineData("progressively: all available", WorkloadScaleDown.Progressively, RolloutPhase.Healthy, 4, 0)]
    public void Target_ByMode(string name, WorkloadScaleDown mode, RolloutPhase phase, int stableAvailable, int expected)
    {
        var status = new RolloutStatus { Phase = phase, StableRevision = "v1" };

        var target = WorkloadRefScaleDown.Target(mode, 4, status, Observed(stableAvailable), current: 4);

        Assert.True(expected == target, $"{name}: expected {expected}, got {target}");
    }

    [Fact]
    public void Target_NeverAboveCurrent()
    {
        var status = new RolloutStatus { Phase = RolloutPhase.Progressing, StableRevision = "v1" };

        Assert.Equal(2, WorkloadRefScaleDown.Target(WorkloadScaleDown.Progressively, 4, status, Observed(0), current: 2));
    }
}
