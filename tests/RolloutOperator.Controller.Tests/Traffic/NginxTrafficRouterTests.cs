using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Nginx;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Tests.Traffic;

public sealed class NginxTrafficRouterTests(TrafficEmulatorFixture fx) : IClassFixture<TrafficEmulatorFixture>
{
    private const string CanaryName = "web-ing-web-canary";
    private const string Prefix = "nginx.ingress.kubernetes.io";
    private static readonly HeaderRoutePlan Beta = new("beta", [new HeaderMatchPlan("x-canary", StringMatchKind.Prefix, "qa.")]);

    private static CancellationToken Ct => TrafficEmulatorFixture.Ct;

    private NginxTrafficRouter Router => new(fx.Client, NullLogger<NginxTrafficRouter>.Instance);

    [Fact]
    public async Task ApplyAsync_FirstWeight_CreatesCanaryIngressWithAnnotationsBackendsAndOwner()
    {
        var ns = await CreateStableAsync();
        var context = Context(ns, new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/canary-by-cookie"] = "canary" });

        await Router.ApplyAsync(context, 20, [], Ct);

        var canary = await ReadAsync(ns, CanaryName);
        Assert.Equal("true", canary.Metadata.Annotations[$"{Prefix}/canary"]);
        Assert.Equal("20", canary.Metadata.Annotations[$"{Prefix}/canary-weight"]);
        Assert.Equal("canary", canary.Metadata.Annotations[$"{Prefix}/canary-by-cookie"]);
        Assert.Equal("web", canary.Metadata.Labels["rollout-operator.io/rollout"]);
        var owner = Assert.Single(canary.Metadata.OwnerReferences);
        Assert.Equal(("Rollout", "web", true), (owner.Kind, owner.Name, owner.Controller == true));
        Assert.Equal("nginx", canary.Spec.IngressClassName);
        var path = Assert.Single(Assert.Single(canary.Spec.Rules).Http.Paths);
        Assert.Equal(("/", "web-canary", 8080), (path.Path, path.Backend.Service.Name, path.Backend.Service.Port.Number));
        Assert.Equal("web-tls", Assert.Single(canary.Spec.Tls).SecretName);
        Assert.Equal(20, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_RolloutNameOf253Characters_CanaryIngressHasAValidNameAndLabel()
    {
        var ns = await CreateStableAsync();
        var longName = string.Concat(Enumerable.Repeat(new string('w', 60) + ".", 4)) + "rollout-1";
        var context = Context(ns) with { RolloutName = longName, Owner = new V1OwnerReference { ApiVersion = ApiGroup.ApiVersion, Kind = "Rollout", Name = longName, Uid = "u-1" } };

        await Router.ApplyAsync(context, 20, [], Ct);

        var canary = Assert.Single((await fx.Client.NetworkingV1.ListNamespacedIngressAsync(ns, cancellationToken: Ct)).Items, i => i.Metadata.Name != "web-ing");
        Assert.True(canary.Metadata.Name.Length <= 253);
        Assert.StartsWith("web-ing-wwww", canary.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(RolloutOperator.Model.RevisionNames.LabelValue(longName), canary.Metadata.Labels["rollout-operator.io/rollout"]);
        Assert.Equal(20, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
    }

    [Fact]
    public async Task ApplyAsync_WeightChanges_UpdatesOnlyTheCanaryIngress()
    {
        var ns = await CreateStableAsync();
        var before = KubernetesJson.Serialize((await ReadAsync(ns, "web-ing")).Spec);
        var context = Context(ns);
        await Router.ApplyAsync(context, 20, [], Ct);

        await Router.ApplyAsync(context, 50, [], Ct);

        Assert.Equal("50", (await ReadAsync(ns, CanaryName)).Metadata.Annotations[$"{Prefix}/canary-weight"]);
        Assert.Equal(50, (await Router.ObserveAsync(context, Ct))!.CanaryWeight);
        Assert.Equal(before, KubernetesJson.Serialize((await ReadAsync(ns, "web-ing")).Spec));
        Assert.DoesNotContain(fx.Emulator.Requests.Writes(), w => w.Request.Namespace == ns && w.Request.Name == "web-ing");
    }

    [Fact]
    public async Task ApplyAsync_AlreadyInDesiredState_MakesZeroWrites()
    {
        var ns = await CreateStableAsync();
        var context = Context(ns);
        await Router.ApplyAsync(context, 30, [Beta], Ct);
        var writes = fx.WritesIn(ns);

        await Router.ApplyAsync(context, 30, [Beta], Ct);

        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ApplyAsync_HeaderRoute_WritesHeaderPatternAndObservesIt()
    {
        var ns = await CreateStableAsync();
        var context = Context(ns);

        await Router.ApplyAsync(context, 0, [Beta], Ct);

        var annotations = (await ReadAsync(ns, CanaryName)).Metadata.Annotations;
        Assert.Equal("x-canary", annotations[$"{Prefix}/canary-by-header"]);
        Assert.Equal(@"^qa\..*", annotations[$"{Prefix}/canary-by-header-pattern"]);
        Assert.Equal(["beta"], (await Router.ObserveAsync(context, Ct))!.HeaderRoutes);
    }

    [Fact]
    public async Task ResetAsync_AfterWeightAndHeaderRoute_SetsWeightZeroAndRemovesHeaderAnnotations()
    {
        var ns = await CreateStableAsync();
        var context = Context(ns);
        await Router.ApplyAsync(context, 40, [Beta], Ct);

        await Router.ResetAsync(context, Ct);

        var annotations = (await ReadAsync(ns, CanaryName)).Metadata.Annotations;
        Assert.Equal("0", annotations[$"{Prefix}/canary-weight"]);
        Assert.DoesNotContain(annotations.Keys, k => k.Contains("canary-by-header", StringComparison.Ordinal));
        var observed = await Router.ObserveAsync(context, Ct);
        Assert.Equal(0, observed!.CanaryWeight);
        Assert.Empty(observed.HeaderRoutes);
    }

    [Fact]
    public async Task ResetAsync_StableIngressGone_DeletesTheCanaryIngress()
    {
        var ns = await CreateStableAsync();
        var context = Context(ns);
        await Router.ApplyAsync(context, 40, [], Ct);
        await fx.Client.NetworkingV1.DeleteNamespacedIngressAsync("web-ing", ns, cancellationToken: Ct);

        await Router.ResetAsync(context, Ct);

        var remaining = await fx.Client.NetworkingV1.ListNamespacedIngressAsync(ns, cancellationToken: Ct);
        Assert.Empty(remaining.Items);
    }

    [Fact]
    public async Task ObserveAsync_NoCanaryIngress_ReportsWeightZeroAndApplyZeroWritesNothing()
    {
        var ns = await CreateStableAsync();
        var context = Context(ns);
        var writes = fx.WritesIn(ns);

        var observed = await Router.ObserveAsync(context, Ct);
        await Router.ApplyAsync(context, 0, [], Ct);

        Assert.Equal(0, observed!.CanaryWeight);
        Assert.Equal(writes, fx.WritesIn(ns));
    }

    [Fact]
    public async Task ApplyAsync_TwoHeaderRoutes_ThrowsTrafficRoutingException()
    {
        var ns = await CreateStableAsync();
        var second = new HeaderRoutePlan("gamma", [new HeaderMatchPlan("x-other", StringMatchKind.Exact, "1")]);

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(Context(ns), 10, [Beta, second], Ct));

        Assert.Contains("one header route at a time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_StableIngressMissing_ThrowsTrafficRoutingException()
    {
        var ns = await fx.NewNamespaceAsync();

        var error = await Assert.ThrowsAsync<TrafficRoutingException>(() => Router.ApplyAsync(Context(ns), 10, [], Ct));

        Assert.Equal($"Ingress {ns}/web-ing not found", error.Message);
    }

    private static TrafficRoutingContext Context(string ns, Dictionary<string, string>? extra = null) =>
        TrafficEmulatorFixture.Context(ns, new TrafficRouting
        {
            Nginx = new NginxRouting { StableIngress = "web-ing", AdditionalIngressAnnotations = extra },
        });

    private async Task<V1Ingress> ReadAsync(string ns, string name) =>
        await fx.Client.NetworkingV1.ReadNamespacedIngressAsync(name, ns, cancellationToken: Ct);

    private async Task<string> CreateStableAsync()
    {
        var ns = await fx.NewNamespaceAsync();
        var stable = new V1Ingress
        {
            Metadata = new V1ObjectMeta { Name = "web-ing", Annotations = new Dictionary<string, string> { ["team"] = "payments" } },
            Spec = new V1IngressSpec
            {
                IngressClassName = "nginx",
                Tls = [new V1IngressTLS { Hosts = ["web.example.com"], SecretName = "web-tls" }],
                Rules =
                [
                    new V1IngressRule
                    {
                        Host = "web.example.com",
                        Http = new V1HTTPIngressRuleValue
                        {
                            Paths =
                            [
                                Path("/", "web-stable", 8080),
                                Path("/docs", "docs", 80),
                            ],
                        },
                    },
                ],
            },
        };
        await fx.Client.NetworkingV1.CreateNamespacedIngressAsync(stable, ns, cancellationToken: Ct);
        return ns;
    }

    private static V1HTTPIngressPath Path(string path, string service, int port) => new()
    {
        Path = path,
        PathType = "Prefix",
        Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = port } } },
    };
}
