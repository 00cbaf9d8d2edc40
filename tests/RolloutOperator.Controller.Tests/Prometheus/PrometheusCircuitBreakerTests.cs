using Microsoft.Extensions.Time.Testing;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

public sealed class PrometheusCircuitBreakerTests
{
    [Fact]
    public async Task Query_AfterThresholdServerFailures_FailsFastUntilTheOpenPeriodEnds()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Json(500, "boom");
        var time = new FakeTimeProvider(Now);
        using var provider = Provider(time: time, configure: o => (o.BreakerFailureThreshold, o.BreakerOpenDuration, o.MaxRetries) = (2, TimeSpan.FromSeconds(30), 0));
        var query = Query(Settings(stub.Address));

        await provider.QueryAsync(query, CancellationToken.None);
        await provider.QueryAsync(query, CancellationToken.None);
        var open = await provider.QueryAsync(query, CancellationToken.None);

        Assert.StartsWith($"circuit open: Prometheus at {stub.Address} failed 2 measurements in a row; next attempt in 30s", open.Error);
        Assert.Equal(2, stub.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(31));
        stub.Fallback = StubResponse.Json(200, PrometheusBodies.Vector(1));
        var trial = await provider.QueryAsync(query, CancellationToken.None);
        var after = await provider.QueryAsync(query, CancellationToken.None);

        Assert.Equal([1.0], trial.Values);
        Assert.Equal([1.0], after.Values);
        Assert.Equal(4, stub.Requests.Count);
    }

    [Fact]
    public async Task Query_FailedTrial_ReopensTheCircuit()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Json(500, "boom");
        var time = new FakeTimeProvider(Now);
        using var provider = Provider(time: time, configure: o => (o.BreakerFailureThreshold, o.MaxRetries) = (1, 0));
        var query = Query(Settings(stub.Address));
        await provider.QueryAsync(query, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));

        await provider.QueryAsync(query, CancellationToken.None);
        var again = await provider.QueryAsync(query, CancellationToken.None);

        Assert.StartsWith("circuit open", again.Error);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Query_QueryErrors_DoNotOpenTheCircuit()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Json(400, PrometheusBodies.Error("bad_data", "parse error"));
        using var provider = Provider(configure: o => o.BreakerFailureThreshold = 1);
        var query = Query(Settings(stub.Address));

        await provider.QueryAsync(query, CancellationToken.None);
        var second = await provider.QueryAsync(query, CancellationToken.None);

        Assert.StartsWith("HTTP 400", second.Error);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Query_OpenCircuitForOneAddress_DoesNotAffectAnother()
    {
        await using var broken = await StubPrometheus.StartAsync();
        await using var healthy = await StubPrometheus.StartAsync();
        broken.Fallback = StubResponse.Json(500, "boom");
        using var provider = Provider(configure: o => (o.BreakerFailureThreshold, o.MaxRetries) = (1, 0));
        await provider.QueryAsync(Query(Settings(broken.Address)), CancellationToken.None);

        var result = await provider.QueryAsync(Query(Settings(healthy.Address)), CancellationToken.None);

        Assert.Null(result.Error);
    }
}
