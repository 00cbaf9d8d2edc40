using System.Text.Json;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Kustomize;

public sealed class KustomizeRenderTests
{
    private const string Namespace = "rollout-operator-system";

    [Fact]
    public async Task Default_RendersCrdsRbacAndManagerInOneNamespace()
    {
        var set = await Infrastructure.Kustomize.DefaultAsync();
        Assert.Equal(3, set.OfKind("CustomResourceDefinition").Count());
        var ns = set.Single("Namespace");
        Assert.Equal(Namespace, ns.Name);
        Assert.Equal("restricted", ns.Label("pod-security.kubernetes.io/enforce"));
        Assert.All(set.Items.Where(m => m.Namespace is not null), m => Assert.Equal(Namespace, m.Namespace));
        Assert.All(set.Items.Where(m => m.Kind != "CustomResourceDefinition"), m => Assert.StartsWith("rollout-operator-", m.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Default_Deployment_IsRestrictedWithProbesAndLeaderElection()
    {
        var deployment = (await Infrastructure.Kustomize.DefaultAsync()).Single("Deployment");
        PodChecks.AssertRestricted(deployment);
        PodChecks.AssertProbesAndPorts(deployment);
        PodChecks.AssertLeaderElectionAndIdentity(deployment);
        var args = Node.Strings(PodChecks.Container(deployment), "args");
        Assert.Equal("$(POD_NAMESPACE)", PodChecks.ArgValue(args, "--leader-election-namespace"));
    }

    [Fact]
    public async Task Default_RunsLeaderAndStandbyWithPdbAndAntiAffinity() =>
        HighAvailabilityChecks.AssertTwoReplicasWithPdbAndSpread(await Infrastructure.Kustomize.DefaultAsync());

    [Fact]
    public async Task Default_Rbac_GrantsJobsForJobMetrics()
    {
        var set = await Infrastructure.Kustomize.DefaultAsync();
        var role = Assert.Single(RbacChecks.ScopedRoles(set), r => r.Label(RbacChecks.ScopeLabel) == "operator");
        Chart.ChartRenderTests.AssertGrantsJobs(RbacRule.FromRole("operator", role));
    }

    [Fact]
    public async Task Default_Rbac_EqualsDocumentedRulesAndIsBound()
    {
        var set = await Infrastructure.Kustomize.DefaultAsync();
        RbacChecks.AssertRulesMatchTable(set, []);
        RbacChecks.AssertBoundToOperator(set);
        Assert.Equal(["cluster-templates", "operator"], RbacChecks.ScopesOf(set, "ClusterRole"));
        Assert.Equal(["leader-election"], RbacChecks.ScopesOf(set, "Role"));
    }

    /// <summary>Both install paths run the same pod: identical security contexts, probes and resources.</summary>
    [Fact]
    public async Task Default_PodMatchesHelmDefaults()
    {
        var kustomize = (await Infrastructure.Kustomize.DefaultAsync()).Single("Deployment");
        var helm = (await Helm.RenderAsync(ValueSet.Default)).Single("Deployment");
        Assert.Equal(Json(PodChecks.PodSpec(helm), "securityContext"), Json(PodChecks.PodSpec(kustomize), "securityContext"));
        foreach (var field in new[] { "securityContext", "livenessProbe", "readinessProbe", "resources", "ports", "volumeMounts" })
        {
            Assert.Equal(Json(PodChecks.Container(helm), field), Json(PodChecks.Container(kustomize), field));
        }

        Assert.Equal(Json(PodChecks.PodSpec(helm), "volumes"), Json(PodChecks.PodSpec(kustomize), "volumes"));
    }

    [Fact]
    public async Task Default_AggregatedRoles_MatchHelm()
    {
        var kustomize = await Infrastructure.Kustomize.DefaultAsync();
        var helm = await Helm.RenderAsync(ValueSet.Default);
        foreach (var role in new[] { "admin", "edit", "view" })
        {
            var label = $"rbac.authorization.k8s.io/aggregate-to-{role}";
            Assert.Equal(
                Json(helm.OfKind("ClusterRole").Single(r => r.Label(label) == "true").Root, "rules"),
                Json(kustomize.OfKind("ClusterRole").Single(r => r.Label(label) == "true").Root, "rules"));
        }
    }

    [Fact]
    public async Task Prometheus_RendersServiceMonitorForTheMetricsService()
    {
        var set = await Infrastructure.Kustomize.RenderAsync("config/prometheus");
        var monitor = set.Single("ServiceMonitor");
        Assert.Equal(Namespace, monitor.Namespace);
        Assert.Equal("metrics", Node.Text(Node.List(monitor.Root, "spec", "endpoints").Single(), "port"));
        var service = (await Infrastructure.Kustomize.DefaultAsync()).Single("Service");
        foreach (var (key, value) in Node.Map(monitor.Root, "spec", "selector", "matchLabels"))
        {
            Assert.Equal(value, service.Label((string)key));
        }
    }

    private static string Json(object? node, string field) => JsonSerializer.Serialize(Canonical(Node.At(node, field)));

    // Key order differs between helm's toYaml and hand-written YAML; sort maps so only content is compared.
    private static object? Canonical(object? node) => node switch
    {
        Dictionary<object, object> map => new SortedDictionary<string, object?>(map.ToDictionary(kv => (string)kv.Key, kv => Canonical(kv.Value)), StringComparer.Ordinal),
        List<object> list => list.Select(Canonical).ToList(),
        _ => node,
    };
}
