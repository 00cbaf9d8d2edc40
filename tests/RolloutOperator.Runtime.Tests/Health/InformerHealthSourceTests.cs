using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Runtime.Health;

namespace RolloutOperator.Runtime.Tests.Health;

public sealed class InformerHealthSourceTests
{
    private sealed record StubInformer(string Name, bool HasSynced, DateTimeOffset LastActivity, TimeSpan LivenessTimeout)
        : IInformerHealth;

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void CheckReadiness_OneCacheNotSynced_NotReadyNamingIt()
    {
        var health = new InformerHealthSource(_time);
        health.Register(new StubInformer("rollouts", true, _time.GetUtcNow(), TimeSpan.FromMinutes(1)));
        health.Register(new StubInformer("deployments", false, _time.GetUtcNow(), TimeSpan.FromMinutes(1)));

        var report = health.CheckReadiness();

        Assert.False(report.IsHealthy);
        Assert.Contains(report.Problems, p => p.StartsWith("deployments", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckLiveness_ActivityOlderThanTimeout_NotLive()
    {
        var health = new InformerHealthSource(_time);
        health.Register(new StubInformer("rollouts", true, _time.GetUtcNow(), TimeSpan.FromMinutes(1)));

        Assert.True(health.CheckLiveness().IsHealthy);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(health.CheckLiveness().IsHealthy);
    }
}
