using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RolloutOperator.Configuration;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.PrometheusProvider;

namespace RolloutOperator.Tests;

public sealed class OperatorHostTests : IAsyncLifetime
{
    private EmulatorCluster _cluster = null!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _cluster = await EmulatorCluster.StartAsync(Ct);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Build_AgainstEmulator_ServesHealthReadinessAndMetrics()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--leader-elect", "false", "--port", "0", "--log-format", "console"]);
        await app.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = app.GetBoundAddress() };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        await WaitForAsync(async () => (await http.GetAsync("/readyz", Ct)).StatusCode == HttpStatusCode.OK);
        var metrics = await http.GetStringAsync("/metrics", Ct);
        Assert.Contains("controller_reconcile_total", metrics, StringComparison.Ordinal);
        Assert.Contains("kubernetes_api_requests_total", metrics, StringComparison.Ordinal);
        Assert.Contains("leader_election_is_leader", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("process_cpu_seconds_total", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_", metrics, StringComparison.Ordinal);

        await app.StopAsync(Ct);
        Assert.Equal(0, app.GetExitCode());
    }

    [Fact]
    public async Task Host_WithRollout_ReconcilesItToHealthy()
    {
        using var client = new Kubernetes(_cluster.Emulator.CreateClientConfiguration());
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "apps" } }, cancellationToken: Ct);
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--leader-elect", "false", "--port", "0", "--namespaces", "apps"]);
        await app.StartAsync(Ct);

        await client.CoreV1.CreateNamespacedServiceAsync(Service("web-stable"), "apps", cancellationToken: Ct);
        await client.CoreV1.CreateNamespacedServiceAsync(Service("web-canary"), "apps", cancellationToken: Ct);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(Rollout(), "rollout-operator.io", "v1alpha1", "apps", "rollouts", cancellationToken: Ct);

        await WaitForAsync(async () =>
        {
            var rollout = (JsonElement)await client.CustomObjects.GetNamespacedCustomObjectAsync("rollout-operator.io", "v1alpha1", "apps", "rollouts", "web", Ct);
            return rollout.TryGetProperty("status", out var status) && status.TryGetProperty("phase", out var phase) && phase.GetString() == "Healthy";
        });
        await app.StopAsync(Ct);
    }

    [Fact]
    public async Task Build_WithLeaderElection_TakesTheLeaseAsPodName()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--pod-name", "op-a", "--lease-duration", "3", "--renew-deadline", "2", "--retry-period", "0.5"]);
        await app.StartAsync(Ct);
        using var client = new Kubernetes(_cluster.Emulator.CreateClientConfiguration());

        await WaitForAsync(async () =>
        {
            var leases = await client.CoordinationV1.ListNamespacedLeaseAsync("default", cancellationToken: Ct);
            return leases.Items.Any(l => l.Metadata.Name == "rollout-operator-leader" && l.Spec.HolderIdentity == "op-a");
        });
        await app.StopAsync(Ct);
    }

    [Fact]
    public void Build_MissingKubeconfig_FailsClearly()
    {
        var error = Assert.Throws<OperatorConfigurationException>(() => OperatorHost.Build(["--kubeconfig", "/nonexistent/kubeconfig", "--port", "0"]));
        Assert.Contains("/nonexistent/kubeconfig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadLogFormat_FailsClearly() =>
        Assert.Throws<OperatorConfigurationException>(() => OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--log-format", "xml"]));

    [Theory]
    [InlineData("--measurement-inline-wait", "-1")]
    [InlineData("--measurement-inline-wait", "NaN")]
    [InlineData("--measurement-concurrency", "0")]
    [InlineData("--measurement-concurrency-per-address", "0")]
    public void Build_BadMeasurementFlag_FailsNamingIt(string flag, string value)
    {
        var error = Assert.Throws<OperatorConfigurationException>(() => OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, flag, value]));
        Assert.Contains(flag, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prometheus-allowed-hosts", "http://prometheus:9090", "--prometheus-allowed-hosts")]
    [InlineData("--prometheus-allowed-hosts", "prometheus:port", "prometheus:port")]
    [InlineData("--outbound-allowed-hosts", "https://hooks.example", "--outbound-allowed-hosts")]
    [InlineData("--credential-file-dirs", "/", "--credential-file-dirs")]
    [InlineData("--credential-file-dirs", "secrets", "\"secrets\"")]
    [InlineData("--credential-file-dirs", "/etc/secrets/../..", "/etc/secrets/../..")]
    public void Build_BadSecurityFlag_FailsClearly(string flag, string value, string mentioned)
    {
        var error = Assert.Throws<OperatorConfigurationException>(() => OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, flag, value]));
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_SecurityFlags_ReachTheProviderAndTheParser()
    {
        await using var app = OperatorHost.Build(
            ["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--prometheus-allowed-hosts", "prometheus.monitoring:9090, thanos", "--credential-file-dirs", "/etc/prom-creds,/var/run/secrets/prom"]);

        var options = app.Services.GetRequiredService<PrometheusOptions>();
        Assert.Equal(["/etc/prom-creds", "/var/run/secrets/prom"], options.CredentialFileDirectories);
        Assert.True(options.AllowedHosts.Allows(new Uri("http://thanos:10902/")));
        Assert.False(options.AllowedHosts.Allows(new Uri("http://evil.example:9090/")));
        Assert.Equal(options.Policy, app.Services.GetRequiredService<RolloutControllerOptions>().ProviderPolicy);
    }

    [Fact]
    public async Task Build_NotificationDefaults_AreLoadedAndASinkOffTheAllowListStopsTheOperator()
    {
        var file = Path.Combine(Path.GetTempPath(), $"notification-defaults-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"sinks":[{"name":"platform","triggers":["on-aborted"],"slack":{"url":"https://chat.example/hook"}}]}""");
        try
        {
            await using (var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--notification-defaults", file]))
            {
                var sink = Assert.Single(app.Services.GetRequiredService<NotificationOptions>().Defaults);
                Assert.Equal("platform", sink.Name);
            }

            var error = Assert.Throws<OperatorConfigurationException>(() => OperatorHost.Build(
                ["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--notification-defaults", file, "--outbound-allowed-hosts", "hooks.example"]));
            Assert.Contains("notificationDefaults.sinks[0].slack.url", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Build_OutboundAllowedHosts_ReachTheClientAndTheParser()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--port", "0", "--outbound-allowed-hosts", "hooks.example:443, ci"]);

        var options = app.Services.GetRequiredService<OutboundOptions>();
        Assert.True(options.AllowedHosts.Allows(new Uri("http://ci:8080/")));
        Assert.False(options.AllowedHosts.Allows(new Uri("http://evil.example/")));
        var policy = app.Services.GetRequiredService<RolloutControllerOptions>().ProviderPolicy;
        Assert.Same(options.AllowedHosts, policy.OutboundHosts);
        Assert.IsType<OutboundHttpClient>(app.Services.GetRequiredService<IOutboundHttp>());
    }

    private static V1Service Service(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = [new V1ServicePort { Port = 80 }] },
    };

    private static JsonObject Rollout() => JsonNode.Parse("""
        {
          "apiVersion": "rollout-operator.io/v1alpha1", "kind": "Rollout",
          "metadata": {"name": "web", "namespace": "apps"},
          "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"app": "web"} },
            "template": {"metadata": {"labels": {"app": "web"} }, "spec": {"containers": [{"name": "web", "image": "web:1"}]} },
            "strategy": {"canary": {"stableService": "web-stable", "canaryService": "web-canary", "steps": [{"setWeight": 50}]} }
          }
        }
        """)!.AsObject();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(50);
        }
    }
}
