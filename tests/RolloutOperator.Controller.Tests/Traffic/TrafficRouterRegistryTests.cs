using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Alb;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Controller.Traffic.Istio;
using RolloutOperator.Controller.Traffic.Nginx;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic;

public sealed class TrafficRouterRegistryTests
{
    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        var registry = new TrafficRouterRegistry([new NamedRouter("gatewayAPI", true)]);

        Assert.Null(registry.Find("istio"));
        Assert.Equal("gatewayAPI", registry.Find("gatewayAPI")!.Name);
    }

    [Fact]
    public void Capabilities_TwoRouters_MapsEveryNameToItsCapabilities()
    {
        var registry = new TrafficRouterRegistry([new NamedRouter("gatewayAPI", true), new NamedRouter("plugin", false)]);

        Assert.Equal(
            new Dictionary<string, RouterCapabilities> { ["gatewayAPI"] = new(true), ["plugin"] = new(false) },
            registry.Capabilities.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary());
    }

    [Fact]
    public void Constructor_DuplicateName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TrafficRouterRegistry([new NamedRouter("nginx", true), new NamedRouter("nginx", false)]));
    }

    [Fact]
    public void Capabilities_BuiltInRouters_MatchTheParserDefaults()
    {
        using var client = new k8s.Kubernetes(new k8s.KubernetesClientConfiguration { Host = "http://127.0.0.1:1" });
        var registry = new TrafficRouterRegistry([
            new GatewayApiTrafficRouter(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<GatewayApiTrafficRouter>.Instance),
            new NginxTrafficRouter(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<NginxTrafficRouter>.Instance),
            new IstioTrafficRouter(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<IstioTrafficRouter>.Instance),
            new AlbTrafficRouter(client, Microsoft.Extensions.Logging.Abstractions.NullLogger<AlbTrafficRouter>.Instance),
        ]);

        Assert.Equal(ParseContext.BuiltInRouters.OrderBy(c => c.Key, StringComparer.Ordinal), registry.Capabilities.OrderBy(c => c.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("qa.", @"^qa\..*")]
    [InlineData("a+b(c)|[d]{e}^$*?\\", @"^a\+b\(c\)\|\[d\]\{e\}\^\$\*\?\\.*")]
    [InlineData("team-1 x", "^team-1 x.*")]
    public void HeaderPatternsPrefix_Metacharacters_AreEscapedForRe2(string prefix, string expected)
    {
        Assert.Equal(expected, HeaderPatterns.Prefix(prefix));
    }

    private sealed class NamedRouter(string name, bool headers) : ITrafficRouter
    {
        public string Name => name;

        public RouterCapabilities Capabilities => new(headers);

        public Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken) =>
            Task.FromResult<TrafficObservation?>(null);

        public Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
