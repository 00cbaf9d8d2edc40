using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic.Istio;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

public sealed class IstioConcurrencyTests(IstioEmulatorFixture fx) : IClassFixture<IstioEmulatorFixture>
{
    private static readonly HeaderRoutePlan Beta = new("beta", [new HeaderMatchPlan("x-canary", StringMatchKind.Exact, "yes")]);

    private static CancellationToken Ct => IstioEmulatorFixture.Ct;

    private IstioTrafficRouter Router => new(fx.Client, NullLogger<IstioTrafficRouter>.Instance);

    private async Task<string> WebAsync()
    {
        var ns = await fx.NewNamespaceAsync();
        await fx.CreateAsync("virtualservices", ns, VirtualServices.InNamespace(VirtualServices.Web, ns));
        return ns;
    }

    [Fact]
    public async Task ApplyAsync_AlreadyInDesiredState_MakesZeroWrites()
    {
        var ns = await WebAsync();
        var context = IstioEmulatorFixture.Context(ns, VirtualServices.Routing());
        await Router.ApplyAsync(context, 30, [Beta], Ct);
        var writes = fx.WritesIn(ns);

        await Router.ApplyAsync(context, 30, [Beta], Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ResetAsync_AlreadyAtStable_MakesZeroWrites()
    {
        var ns = await WebAsync();
        var writes = fx.WritesIn(ns);

        await Router.ResetAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing()), Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ApplyAsync_ConflictOnFirstWrite_RetriesAndConverges()
    {
        var ns = await WebAsync();
        var fired = 0;
        fx.Emulator.Faults.InjectErrors(409, 1.0, r => r.Namespace == ns && r.Verb == "patch" && Interlocked.Increment(ref fired) == 1);
        try
        {
            await Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary")), 20, [], Ct);
        }
        finally
        {
            fx.Emulator.Faults.Clear();
        }

        Assert.True(fired >= 2);
        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 80, ["web-canary"] = 20 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
    }

    [Fact]
    public async Task ApplyAsync_ConflictOnEveryWrite_GivesUpAsTransient()
    {
        var ns = await WebAsync();
        fx.Emulator.Faults.InjectErrors(409, 1.0, r => r.Namespace == ns && r.Verb == "patch");
        try
        {
            var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(
                () => Router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary")), 20, [], Ct));
            Assert.Equal(System.Net.HttpStatusCode.Conflict, error.Response.StatusCode);
        }
        finally
        {
            fx.Emulator.Faults.Clear();
        }
    }

    /// <summary>
    /// The user moves routes around and edits another route between the router's read and its write: the positional patch
    /// fails its resourceVersion test, and the re-planned one lands on the right routes without undoing the user's edit.
    /// </summary>
    [Fact]
    public async Task ApplyAsync_UserEditsAnotherRouteDuringWrite_RetriesWithoutLosingTheEdit()
    {
        var ns = await WebAsync();
        using var editor = new EditBeforeFirstPatch(fx.Client, ns);
        using var client = new Kubernetes(fx.Emulator.CreateClientConfiguration(), editor);
        var router = new IstioTrafficRouter(client, NullLogger<IstioTrafficRouter>.Instance);

        await router.ApplyAsync(IstioEmulatorFixture.Context(ns, VirtualServices.Routing("web", "primary")), 20, [Beta], Ct);

        var vs = await fx.GetAsync("virtualservices", ns, "web");
        Assert.Equal(["rollout-operator-beta", "maintenance", "primary", "static", "legacy"], VirtualServices.RouteNames(vs));
        Assert.Equal("3s", VirtualServices.Route(vs, "static")["timeout"]!.GetValue<string>());
        Assert.Equal(new Dictionary<string, int?> { ["web-stable"] = 80, ["web-canary"] = 20 }, VirtualServices.Weights(VirtualServices.Route(vs, "primary")));
        Assert.Equal(new Dictionary<string, int?> { ["cdn"] = null }, VirtualServices.Weights(VirtualServices.Route(vs, "static")));
        Assert.Equal(new Dictionary<string, int?> { ["maintenance"] = null }, VirtualServices.Weights(VirtualServices.Route(vs, "maintenance")));
    }

    /// <summary>Stands in for a user (or GitOps sync) editing the VirtualService between the router's read and its write.</summary>
    private sealed class EditBeforeFirstPatch(Kubernetes user, string @namespace) : DelegatingHandler
    {
        private int _edited;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Patch && Interlocked.Exchange(ref _edited, 1) == 0)
            {
                var edit = new JsonArray(
                    new JsonObject { ["op"] = "add", ["path"] = "/spec/http/1/timeout", ["value"] = "3s" },
                    new JsonObject
                    {
                        ["op"] = "add",
                        ["path"] = "/spec/http/0",
                        ["value"] = JsonNode.Parse("""{"name":"maintenance","match":[{"uri":{"prefix":"/maintenance"}}],"route":[{"destination":{"host":"maintenance"}}]}"""),
                    });
                await user.CustomObjects.PatchNamespacedCustomObjectAsync(
                    new V1Patch(edit.ToJsonString(), V1Patch.PatchType.JsonPatch), IstioEmulatorFixture.Group, "v1", @namespace, "virtualservices", "web",
                    cancellationToken: cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
