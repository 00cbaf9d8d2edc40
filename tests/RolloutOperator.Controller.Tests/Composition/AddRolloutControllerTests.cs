using k8s;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Tests.Composition;

/// <summary>The controller composes itself; a host supplies only the process-wide services and four option objects.</summary>
public sealed class AddRolloutControllerTests
{
    /// <summary>What a host may see of the controller; everything else is internal. The model types may move elsewhere.</summary>
    private static readonly HashSet<string> PublicSurface =
    [
        "RolloutControllerServices", "RolloutControllerOptions", "RolloutOperatorRuntime", "MeasurementRunnerOptions",
        "PrometheusOptions", "OutboundOptions", "NotificationOptions",
        "RevisionNames", "Rollout", "AnalysisTemplate",
    ];

    [Fact]
    public void AddRolloutController_HostServices_EverythingTheHostRunsResolves()
    {
        Assert.True(HostAllowList.TryParse("prometheus.monitoring:9090", out var prometheusHosts, out _));
        Assert.True(HostAllowList.TryParse("hooks.example", out var outboundHosts, out _));
        var prometheus = new PrometheusOptions { AllowedHosts = prometheusHosts };
        var outbound = new OutboundOptions { AllowedHosts = outboundHosts };
        var services = HostServices();

        services.AddRolloutController(
            new RolloutControllerOptions { InstanceName = "op-a", ReconcileTimeout = TimeSpan.FromSeconds(30) }, prometheus, outbound, new NotificationOptions());

        using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<RolloutOperatorRuntime>();
        Assert.NotEmpty(runtime.Informers);
        Assert.False(provider.GetRequiredService<IHealthSource>().CheckReadiness().IsHealthy);
        Assert.Equal(["alb", "gatewayAPI", "istio", "nginx"], provider.GetRequiredService<TrafficRouterRegistry>().Capabilities.Keys.Order(StringComparer.Ordinal));
        var policy = provider.GetRequiredService<RolloutControllerOptions>().ProviderPolicy;
        Assert.Same(outboundHosts, policy.OutboundHosts);
        Assert.Equal(prometheus.Policy with { OutboundHosts = outboundHosts }, policy);
        Assert.Equal(TimeSpan.FromSeconds(20), prometheus.MaxTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), outbound.MaxTimeout);
        Assert.IsType<OutboundHttpClient>(provider.GetRequiredService<IOutboundHttp>());
    }

    [Fact]
    public void ControllerAssembly_PublicTypes_AreOnlyTheCompositionSurface()
    {
        var exported = typeof(RolloutControllerServices).Assembly.GetExportedTypes().Select(t => t.Name).ToList();

        Assert.Equal([], exported.Where(name => !PublicSurface.Contains(name)).Order(StringComparer.Ordinal));
    }

    private static ServiceCollection HostServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => Metrics.NewCustomRegistry());
        services.AddSingleton(sp => new RuntimeMetrics(sp.GetRequiredService<CollectorRegistry>()));
        services.AddSingleton<IKubernetes>(_ => new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }));
        return services;
    }
}
