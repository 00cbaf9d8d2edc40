using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Runtime.Informers;
using RolloutOperator.Runtime.Metrics;
using static RolloutOperator.Runtime.Tests.Informers.TestObjects;

namespace RolloutOperator.Runtime.Tests.Informers;

public sealed class InformerWatchdogTests
{
    private static readonly InformerOptions Options = new()
    {
        MinWatchTimeout = TimeSpan.FromSeconds(10),
        MaxWatchTimeout = TimeSpan.FromSeconds(10),
        WatchdogGrace = TimeSpan.FromSeconds(5),
        InitialRetryDelay = TimeSpan.FromMilliseconds(200),
        LivenessTimeout = TimeSpan.FromSeconds(60),
    };

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Watch_SilentLongerThanTimeoutPlusGrace_WatchdogReconnectsFromSameVersion()
    {
        var listWatch = new ScriptedListWatch(ConfigMap("ns", "a", "5"));
        using var stop = new CancellationTokenSource();
        var informer = Create(listWatch);
        var run = informer.RunAsync(stop.Token);
        await Eventually.TrueAsync(() => listWatch.WatchCalls == 1);

        _time.Advance(TimeSpan.FromSeconds(14));
        await Eventually.StaysTrueAsync(() => listWatch.WatchCalls == 1);
        _time.Advance(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => listWatch.WatchCalls == 2);
        Assert.Equal(["10", "10"], listWatch.WatchedFrom);
        Assert.Equal(1, listWatch.ListCalls);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Watch_TransportError_BacksOffAndRewatchesWithoutRelist()
    {
        var listWatch = new ScriptedListWatch(ConfigMap("ns", "a", "5"));
        listWatch.FailNextWatch(new IOException("connection reset"));
        using var stop = new CancellationTokenSource();
        var informer = Create(listWatch);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => listWatch.WatchCalls == 1);

        await Eventually.StaysTrueAsync(() => listWatch.WatchCalls == 1, TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromMilliseconds(200));

        await Eventually.TrueAsync(() => listWatch.WatchCalls == 2);
        Assert.Equal(1, listWatch.ListCalls);
        Assert.NotNull(informer.Cache.Find("ns", "a"));
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task LastActivity_NoEventsForLong_ExceedsLivenessTimeout()
    {
        var listWatch = new ScriptedListWatch();
        using var stop = new CancellationTokenSource();
        var informer = Create(listWatch);
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var health = new RolloutOperator.Runtime.Health.InformerHealthSource(_time);
        health.Register(informer);

        Assert.True(health.CheckLiveness().IsHealthy);
        Assert.True(health.CheckReadiness().IsHealthy);
        _time.Advance(TimeSpan.FromSeconds(61));

        Assert.False(health.CheckLiveness().IsHealthy);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private Informer<V1ConfigMap> Create(ScriptedListWatch listWatch) =>
        new("configmaps", [listWatch], Options, _time, RuntimeMetrics.CreateIsolated(), NullLogger.Instance, new Random(1));
}
