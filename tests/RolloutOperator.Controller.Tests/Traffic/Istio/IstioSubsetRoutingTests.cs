using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Istio;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

public sealed class IstioSubsetRoutingTests(IstioEmulatorFixture fx) : IClassFixture<IstioEmulatorFixture>
{
    private static CancellationToken Ct => IstioEmulatorFixture.Ct;

    private IstioTrafficRouter Router => new(fx.Client, NullLogger<IstioTrafficRouter>.Instance);

    private async Task<string> MeshAsync(string stableRevision = "rev-a", string canaryRevision = "rev-b")
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.Mesh);
        await fx.CreateAsync("destinationrules", ns, VirtualServices.Rule);
        await fx.CreateServiceAsync(ns, "web-stable", stableRevision);
        await fx.CreateServiceAsync(ns, "web-canary", canaryRevision);
        return ns;
    }

    [Fact]
    public async Task ApplyAsync_Subsets_LabelsThemWithTheServicesRevisionsAndWritesSubsetWeights()
    {
        var ns = await MeshAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Subsets());

        await Router.ApplyAsync(context, 20, [], Ct);

        var rule = await fx.GetAsync("destinationrules", ns, "web");
        Assert.Equal("rev-a", VirtualServices.SubsetRevision(rule, "stable"));
        Assert.Equal("rev-b", VirtualServices.SubsetRevision(rule, "canary"));
        Assert.Null(VirtualServices.SubsetRevision(rule, "debug"));
        Assert.Equal("web", rule["spec"]!["subsets"]![0]!["labels"]!["app"]!.GetValue<string>());
        Assert.Equal("ROUND_ROBIN", rule["spec"]!["trafficPolicy"]!["loadBalancer"]!["simple"]!.GetValue<string>());
        var vs = await fx.GetAsync("virtualservices", ns, "web-mesh");
        Assert.Equal(new Dictionary<string, int?> { ["web/stable"] = 80, ["web/canary"] = 20 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
        Assert.Equal(20, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ObserveAsync_ServiceRepointed_IsUnknownUntilTheSubsetFollows()
    {
        var ns = await MeshAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Subsets());
        await Router.ApplyAsync(context, 100, [], Ct);

        // Promotion: the stable Service now selects the canary's revision.
        await fx.PointServiceAsync(ns, "web-stable", "rev-b");

        Assert.Null(await Router.ObserveAsync(context, Ct));
        await Router.ApplyAsync(context, 0, [], Ct);
        Assert.Equal("rev-b", VirtualServices.SubsetRevision(await fx.GetAsync("destinationrules", ns, "web"), "stable"));
        Assert.Equal(0, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_Converged_MakesZeroWrites()
    {
        var ns = await MeshAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Subsets());
        await Router.ApplyAsync(context, 30, [new("beta", [new("x-canary", Core.Plans.StringMatchKind.Exact, "1")])], Ct);
        var writes = fx.WritesIn(ns);

        await Router.ApplyAsync(context, 30, [new("beta", [new("x-canary", Core.Plans.StringMatchKind.Exact, "1")])], Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ResetAsync_Subsets_WeightsToStableAndRevisionLabelsRemoved()
    {
        var ns = await MeshAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Subsets());
        await Router.ApplyAsync(context, 50, [], Ct);

        await Router.ResetAsync(context, Ct);

        var rule = await fx.GetAsync("destinationrules", ns, "web");
        Assert.Null(VirtualServices.SubsetRevision(rule, "stable"));
        Assert.Null(VirtualServices.SubsetRevision(rule, "canary"));
        Assert.Equal("web", rule["spec"]!["subsets"]![1]!["labels"]!["app"]!.GetValue<string>());
        var vs = await fx.GetAsync("virtualservices", ns, "web-mesh");
        Assert.Equal(new Dictionary<string, int?> { ["web/stable"] = 100, ["web/canary"] = 0 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
    }

    [Fact]
    public async Task ApplyAsync_MissingSubset_ThrowsNamingItAndWritesNoWeight()
    {
        var ns = await MeshAsync();
        var routing = VirtualServices.Subsets();
        routing.DestinationRule!.CanarySubsetName = "preview";

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, routing), 20, [], Ct));

        Assert.Equal($"DestinationRule {ns}/web has no subset named preview", error.Message);
        Assert.Equal(0, VirtualServices.Weights(VirtualServices.Route(await fx.GetAsync("virtualservices", ns, "web-mesh"), "primary"))["web/canary"]);
    }

    [Fact]
    public async Task ApplyAsync_RuleHostIsTheStableService_IsRefused()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("destinationrules", ns, VirtualServices.Rule.Replace("\"host\": \"web\"", $"\"host\": \"web-stable.{ns}.svc.cluster.local\"", StringComparison.Ordinal));
        await fx.CreateAsync("virtualservices", ns, VirtualServices.Mesh);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Subsets()), 20, [], Ct));

        Assert.Contains("is the stable Service, which selects one revision only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_DestinationRuleMissing_ThrowsNamingIt()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.Mesh);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Subsets()), 20, [], Ct));

        Assert.Equal($"DestinationRule {ns}/web not found", error.Message);
    }
}
