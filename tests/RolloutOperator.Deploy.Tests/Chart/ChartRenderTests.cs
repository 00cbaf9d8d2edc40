using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Chart;

public sealed class ChartRenderTests
{
    [Theory]
    [MemberData(nameof(ValueSet.Names), MemberType = typeof(ValueSet))]
    public async Task Deployment_AnyValueSet_IsRestrictedWithProbesAndLeaderElection(string name)
    {
        var deployment = (await Helm.RenderAsync(ValueSet.Named(name))).Single("Deployment");
        PodChecks.AssertRestricted(deployment);
        PodChecks.AssertProbesAndPorts(deployment);
        PodChecks.AssertLeaderElectionAndIdentity(deployment);
    }

    [Theory]
    [MemberData(nameof(ValueSet.Names), MemberType = typeof(ValueSet))]
    public async Task Rbac_AnyValueSet_EqualsDocumentedRulesAndIsBound(string name)
    {
        var values = ValueSet.Named(name);
        var set = await Helm.RenderAsync(values);
        RbacChecks.AssertRulesMatchTable(set, values.SecretNames);
        RbacChecks.AssertBoundToOperator(set);
        string[] expected = values.AnalysisSecrets
            ? ["analysis-secrets", "cluster-templates", "leader-election", "operator"]
            : ["cluster-templates", "leader-election", "operator"];
        Assert.Equal(expected, RbacChecks.ScopedRoles(set).Select(r => r.Label(RbacChecks.ScopeLabel)!).Distinct().Order());
    }

    /// <summary>The Istio router reads and patches the user's VirtualServices and DestinationRules, in every install mode.</summary>
    [Theory]
    [MemberData(nameof(ValueSet.Names), MemberType = typeof(ValueSet))]
    public async Task Rbac_AnyValueSet_GrantsIstioRoutingObjectsToTheOperator(string name)
    {
        var set = await Helm.RenderAsync(ValueSet.Named(name));
        var operatorRoles = RbacChecks.ScopedRoles(set).Where(r => r.Label(RbacChecks.ScopeLabel) == "operator").ToList();
        Assert.NotEmpty(operatorRoles);
        foreach (var role in operatorRoles)
        {
            var istio = RbacRule.FromRole("operator", role).Where(r => r.ApiGroup == "networking.istio.io").ToList();
            Assert.Equal(["destinationrules", "virtualservices"], istio.Select(r => r.Resource).Order(StringComparer.Ordinal));
            Assert.All(istio, r => Assert.Equal("get,list,patch,update,watch", r.Verbs));
        }
    }

    /// <summary>Job metrics create, watch and delete Jobs in the Rollout's namespace, in every install mode.</summary>
    [Theory]
    [MemberData(nameof(ValueSet.Names), MemberType = typeof(ValueSet))]
    public async Task Rbac_AnyValueSet_GrantsJobsForJobMetricsToTheOperator(string name)
    {
        var set = await Helm.RenderAsync(ValueSet.Named(name));
        var operatorRoles = RbacChecks.ScopedRoles(set).Where(r => r.Label(RbacChecks.ScopeLabel) == "operator").ToList();
        Assert.NotEmpty(operatorRoles);
        Assert.All(operatorRoles, role => AssertGrantsJobs(RbacRule.FromRole("operator", role)));
        AssertGrantsJobs(RbacTable.For("operator", []));
    }

    /// <summary>Exactly what the job provider calls: list/watch (informer), get, create, delete; never update or patch.</summary>
    internal static void AssertGrantsJobs(IReadOnlyList<RbacRule> rules)
    {
        var jobs = Assert.Single(rules, r => r.ApiGroup == "batch");
        Assert.Equal("jobs", jobs.Resource);
        Assert.Equal("create,delete,get,list,watch", jobs.Verbs);
    }

    [Fact]
    public async Task Rbac_AllNamespaces_UsesClusterRoleAndLeaseRoleInReleaseNamespace()
    {
        var set = await Helm.RenderAsync(ValueSet.Default);
        Assert.Equal(["cluster-templates", "operator"], RbacChecks.ScopesOf(set, "ClusterRole"));
        var lease = Assert.Single(RbacChecks.ScopedRoles(set), r => r.Kind == "Role");
        Assert.Equal(Helm.Namespace, lease.Namespace);
        Assert.Equal("leader-election", lease.Label(RbacChecks.ScopeLabel));
        Assert.Null(PodChecks.ArgValue(Node.Strings(PodChecks.Container(set.Single("Deployment")), "args"), "--namespaces"));
    }

    [Fact]
    public async Task Rbac_WatchNamespaces_RendersRolesPerNamespaceAndNoOperatorClusterRole()
    {
        var values = ValueSet.WatchNamespacesMode;
        var set = await Helm.RenderAsync(values);
        Assert.Equal(["cluster-templates"], RbacChecks.ScopesOf(set, "ClusterRole"));
        foreach (var scope in new[] { "operator", "analysis-secrets" })
        {
            var namespaces = RbacChecks.ScopedRoles(set)
                .Where(r => r.Kind == "Role" && r.Label(RbacChecks.ScopeLabel) == scope)
                .Select(r => r.Namespace!)
                .Order();
            Assert.Equal(values.WatchNamespaces.Order(), namespaces);
        }

        // The only cluster-wide grant left is reading ClusterAnalysisTemplates.
        var clusterBindings = set.OfKind("ClusterRoleBinding").Select(b => Node.Text(b.Root, "roleRef", "name")).ToList();
        var clusterTemplates = RbacChecks.ScopedRoles(set).Single(r => r.Kind == "ClusterRole").Name;
        Assert.Equal([clusterTemplates], clusterBindings);
        var args = Node.Strings(PodChecks.Container(set.Single("Deployment")), "args");
        Assert.Equal(string.Join(",", values.WatchNamespaces), PodChecks.ArgValue(args, "--namespaces"));
    }

    [Fact]
    public async Task AggregatedClusterRoles_AreLabelledForAdminEditView()
    {
        var set = await Helm.RenderAsync(ValueSet.Default);
        foreach (var role in new[] { "admin", "edit", "view" })
        {
            var aggregated = Assert.Single(set.OfKind("ClusterRole"), r => r.Label($"rbac.authorization.k8s.io/aggregate-to-{role}") == "true");
            Assert.Contains(Node.List(aggregated.Root, "rules"), rule => Node.Strings(rule, "resources").Contains("rollouts"));
        }
    }

    [Fact]
    public async Task Image_DigestSet_IsPinnedByDigestWithoutTag()
    {
        var values = ValueSet.DigestPinned;
        var image = Node.Text(PodChecks.Container((await Helm.RenderAsync(values)).Single("Deployment")), "image");
        Assert.Equal($"registry.example.com/platform/rollout-operator@{values.Digest}", image);
        Assert.DoesNotContain(":latest", image, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_Default_UsesAppVersionTag()
    {
        var image = Node.Text(PodChecks.Container((await Helm.RenderAsync(ValueSet.Default)).Single("Deployment")), "image");
        var appVersion = File.ReadAllLines(Path.Combine(Helm.ChartDir, "Chart.yaml"))
            .Single(l => l.StartsWith("appVersion:", StringComparison.Ordinal))["appVersion:".Length..].Trim().Trim('"');
        Assert.Equal($"ghcr.io/rollout-operator/rollout-operator:{appVersion}", image);
    }

    [Fact]
    public async Task Monitoring_ApiPresent_RendersMonitorsRuleAndPdb()
    {
        var set = await Helm.RenderAsync(ValueSet.Monitoring);
        Assert.Equal("/metrics", Node.Text(Node.List(set.Single("ServiceMonitor").Root, "spec", "endpoints").Single(), "path"));
        Assert.Equal("http", Node.Text(Node.List(set.Single("PodMonitor").Root, "spec", "podMetricsEndpoints").Single(), "port"));
        Assert.Equal("1", Node.Text(set.Single("PodDisruptionBudget").Root, "spec", "minAvailable"));
        Assert.Single(set.OfKind("PrometheusRule"));
        Assert.Single(set.OfKind("NetworkPolicy"));
    }

    [Fact]
    public async Task Monitoring_ApiAbsent_RendersNoMonitoringObjects()
    {
        var result = (await Helm.TemplateAsync(["--values", ValueSet.Monitoring.File])).EnsureSuccess();
        var set = ManifestSet.Parse(result.Stdout);
        Assert.DoesNotContain(set.Items, m => m.ApiVersion.StartsWith("monitoring.coreos.com/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PodDisruptionBudget_SingleReplica_IsNotRendered()
    {
        var set = ManifestSet.Parse((await Helm.TemplateAsync(["--set", "replicaCount=1"])).EnsureSuccess().Stdout);
        Assert.Empty(set.OfKind("PodDisruptionBudget"));
    }

    [Fact]
    public async Task Default_RunsLeaderAndStandbyWithPdbAndAntiAffinity() =>
        HighAvailabilityChecks.AssertTwoReplicasWithPdbAndSpread(await Helm.RenderAsync(ValueSet.Default));

    [Theory]
    [InlineData("replicaCount=2")]
    [InlineData("replicaCount=3")]
    public async Task LeaderElectionDisabled_SeveralReplicas_Fails(string replicas)
    {
        var result = await Helm.TemplateAsync(["--set", "leaderElection.enabled=false", "--set", replicas]);
        Assert.True(result.ExitCode != 0, $"helm accepted leaderElection.enabled=false with {replicas}");
        Assert.Contains("needs leaderElection.enabled=true", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderElectionDisabled_SingleReplica_Renders()
    {
        var set = ManifestSet.Parse((await Helm.TemplateAsync(["--set", "leaderElection.enabled=false", "--set", "replicaCount=1"])).EnsureSuccess().Stdout);
        Assert.Equal("false", PodChecks.ArgValue(Node.Strings(PodChecks.Container(set.Single("Deployment")), "args"), "--leader-elect"));
    }

    [Theory]
    [InlineData("leaderElection.renewDeadlineSeconds=10", "leaseDurationSeconds (10) must be greater than leaderElection.renewDeadlineSeconds (10)")]
    [InlineData("leaderElection.retryPeriodSeconds=6", "renewDeadlineSeconds (7) must be greater than 1.2 × leaderElection.retryPeriodSeconds (6)")]
    public async Task LeaderElection_UnsafeTiming_Fails(string assignment, string expected)
    {
        var result = await Helm.TemplateAsync(["--set", assignment]);
        Assert.True(result.ExitCode != 0, $"helm accepted --set {assignment}");
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodAntiAffinity_AffinitySet_UsesItInstead()
    {
        var set = ManifestSet.Parse((await Helm.TemplateAsync(["--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key=pool",
            "--set", "affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator=Exists"])).EnsureSuccess().Stdout);
        var affinity = Node.Map(PodChecks.PodSpec(set.Single("Deployment")), "affinity");
        Assert.Equal(["nodeAffinity"], affinity.Keys.Cast<string>());
    }

    [Fact]
    public async Task MetricsService_TargetsTheHttpPort()
    {
        var service = (await Helm.RenderAsync(ValueSet.Default)).Single("Service");
        var port = Node.List(service.Root, "spec", "ports").Single();
        Assert.Equal("metrics", Node.Text(port, "name"));
        Assert.Equal("http", Node.Text(port, "targetPort"));
    }
}
