using RolloutOperator.Core.Parsing;
using RolloutOperator.Testing;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>A metric's own address outside --prometheus-allowed-hosts is never contacted; the default address always is.</summary>
public sealed class AllowedHostsTests
{
    [Fact]
    public async Task Query_AddressOutsideAllowedHosts_IsErrorNamingItAndNeverConnects()
    {
        using var listener = new ConnectionRecorder();
        using var provider = Provider(configure: o => o.AllowedHosts = Hosts("prometheus.monitoring:9090"));

        var result = await provider.QueryAsync(Query(Settings(listener.Address)), CancellationToken.None);

        Assert.Equal(
            $"Prometheus address {listener.Address} is not allowed: host {listener.Address.Authority} is not in the operator's --prometheus-allowed-hosts; it was not contacted",
            result.Error);
        await Task.Delay(200);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task Query_AddressOnAllowedHost_IsQueried()
    {
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(configure: o => o.AllowedHosts = Hosts($"prometheus.monitoring, {stub.Address.Authority}"));

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Query_DefaultAddressNotInTheList_IsStillQueried()
    {
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(defaultAddress: stub.Address, configure: o => o.AllowedHosts = Hosts("prometheus.monitoring"));

        var result = await provider.QueryAsync(Query(Settings(null)), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Query_RedirectToAnotherHost_IsNotFollowed()
    {
        using var listener = new ConnectionRecorder();
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(307, "") with { Location = new Uri(listener.Address, "api/v1/query").ToString() });
        using var provider = Provider(configure: o => o.AllowedHosts = Hosts(stub.Address.Authority));

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.StartsWith("HTTP 307", result.Error, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Equal(0, listener.Connections);
    }

    private static HostAllowList Hosts(string text)
    {
        Assert.True(HostAllowList.TryParse(text, out var list, out var error), error);
        return list;
    }
}
