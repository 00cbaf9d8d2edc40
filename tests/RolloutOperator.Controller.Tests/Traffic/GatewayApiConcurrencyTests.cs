using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic;

public sealed class GatewayApiConcurrencyTests(TrafficEmulatorFixture fx) : IClassFixture<TrafficEmulatorFixture>
{
    private static readonly HeaderRoutePlan Beta = new("beta", [new HeaderMatchPlan("x-canary", StringMatchKind.Exact, "yes")]);

    private static CancellationToken Ct => TrafficEmulatorFixture.Ct;

    private GatewayApiTrafficRouter Router => new(fx.Client, NullLogger<GatewayApiTrafficRouter>.Instance);

    [Fact]
    public async Task ApplyAsync_AlreadyInDesiredState_MakesZeroWrites()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var context = TrafficEmulatorFixture.Context(ns, Routes.Http());
        await Router.ApplyAsync(context, 30, [Beta], Ct);
        var writes = fx.WritesIn(ns);

        await Router.ApplyAsync(context, 30, [Beta], Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ResetAsync_RouteAlreadyAtStable_MakesZeroWrites()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var writes = fx.WritesIn(ns);

        await Router.ResetAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ApplyAsync_ConflictOnFirstWrite_RetriesAndConverges()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        var fired = 0;
        fx.Emulator.Faults.InjectErrors(409, 1.0, r => r.Namespace == ns && r.Verb == "patch" && Interlocked.Increment(ref fired) == 1);
        try
        {
            await Router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 20, [], Ct);
        }
        finally
        {
            fx.Emulator.Faults.Clear();
        }

        Assert.True(fired >= 2);
        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 80, ["web-canary"] = 20 }, Routes.Weights(Routes.Rule(route, "api")));
    }

    [Fact]
    public async Task ApplyAsync_UserEditsRouteDuringWrite_RetriesWithoutLosingTheEdit()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateRouteAsync("httproutes", ns, Routes.Web);
        using var editor = new EditBeforeFirstPatch(fx.Client, ns);
        using var client = new Kubernetes(fx.Emulator.CreateClientConfiguration(), editor);
        var router = new GatewayApiTrafficRouter(client, NullLogger<GatewayApiTrafficRouter>.Instance);

        await router.ApplyAsync(TrafficEmulatorFixture.Context(ns, Routes.Http(rule: "api")), 20, [Beta], Ct);

        var route = await fx.GetRouteAsync("httproutes", ns, "web");
        Assert.Equal(["web.example.com", "www.example.com"], route["spec"]!["hostnames"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Equal(["rollout-operator-beta", "api", "static", "legacy"], Routes.RuleNames(route));
        Assert.Equal(20, Routes.Weights(Routes.Rule(route, "api"))["web-canary"]);
    }

    /// <summary>Stands in for a user (or GitOps sync) editing the route between the router's read and its write.</summary>
    private sealed class EditBeforeFirstPatch(Kubernetes user, string @namespace) : DelegatingHandler
    {
        private int _edited;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Patch && Interlocked.Exchange(ref _edited, 1) == 0)
            {
                var edit = """{"spec":{"hostnames":["web.example.com","www.example.com"]}}""";
                await user.CustomObjects.PatchNamespacedCustomObjectAsync(
                    new V1Patch(edit, V1Patch.PatchType.MergePatch), "gateway.networking.k8s.io", "v1", @namespace, "httproutes", "web",
                    cancellationToken: cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
