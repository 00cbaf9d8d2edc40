using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tracing;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Alb;
using RolloutOperator.Controller.Traffic.GatewayApi;
using RolloutOperator.Controller.Traffic.Istio;
using RolloutOperator.Controller.Traffic.Nginx;
using RolloutOperator.Controller.Web;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Controller.Composition;

/// <summary>
/// The Rollout controller's own composition: routers, providers, outbound client, notifications and the runtime that
/// runs them. A host adds it with <see cref="AddRolloutController"/> and knows nothing of the types behind it.
/// </summary>
public static class RolloutControllerServices
{
    /// <summary>The ActivitySource the controller's spans come from, for a host that exports traces.</summary>
    public const string TraceSourceName = RolloutTracer.SourceName;

    /// <summary>
    /// Registers the controller and its <see cref="RolloutOperatorRuntime"/>. The caller registers <see cref="IKubernetes"/>,
    /// <see cref="TimeProvider"/>, logging, a <see cref="CollectorRegistry"/> and <see cref="RuntimeMetrics"/>. Provider
    /// and outbound timeouts follow <paramref name="options"/>' reconcile timeout, and the parser's provider policy is
    /// derived from <paramref name="prometheus"/> and <paramref name="outbound"/>, so the two cannot disagree.
    /// </summary>
    public static IServiceCollection AddRolloutController(
        this IServiceCollection services,
        RolloutControllerOptions options,
        PrometheusOptions prometheus,
        OutboundOptions outbound,
        NotificationOptions notifications)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(notifications);
        prometheus.MaxTimeout = MeasurementBudget.ForQuery(options.ReconcileTimeout);
        outbound.MaxTimeout = MeasurementBudget.ForQuery(options.ReconcileTimeout);
        services.AddSingleton(options with { ProviderPolicy = prometheus.Policy with { OutboundHosts = outbound.AllowedHosts } });
        services.AddSingleton(prometheus);
        services.AddSingleton(outbound);
        services.AddSingleton(notifications);
        services.AddSingleton(sp => new RolloutMetrics(sp.GetRequiredService<CollectorRegistry>()));
        AddRouters(services);
        AddProviders(services, options.ReconcileTimeout);
        AddNotifications(services);
        services.AddSingleton(sp => new RolloutOperatorRuntime(
            sp.GetRequiredService<IKubernetes>(),
            sp.GetRequiredService<RolloutControllerOptions>(),
            sp.GetRequiredService<TrafficRouterRegistry>(),
            sp.GetRequiredService<IMeasurementService>(),
            sp.GetRequiredService<RuntimeMetrics>(),
            sp.GetRequiredService<RolloutMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IOutboundHttp>(),
            sp.GetRequiredService<NotificationDispatcher>()));
        services.AddSingleton<IHealthSource>(sp => InformerHealth(sp));
        return services;
    }

    private static void AddRouters(IServiceCollection services)
    {
        services.AddSingleton<ITrafficRouter, GatewayApiTrafficRouter>();
        services.AddSingleton<ITrafficRouter, NginxTrafficRouter>();
        services.AddSingleton<ITrafficRouter, IstioTrafficRouter>();
        services.AddSingleton<ITrafficRouter, AlbTrafficRouter>();
        services.AddSingleton(sp => new TrafficRouterRegistry(sp.GetServices<ITrafficRouter>()));
    }

    private static void AddProviders(IServiceCollection services, TimeSpan reconcileTimeout)
    {
        services.AddSingleton<IMetricProvider, PrometheusMetricProvider>();
        services.AddSingleton<ISecretReader>(sp => new KubernetesSecretReader(sp.GetRequiredService<IKubernetes>()));
        services.AddSingleton<IOutboundHttp>(sp => new OutboundHttpClient(
            sp.GetRequiredService<OutboundOptions>(), sp.GetRequiredService<ISecretReader>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWebMetricProvider>(sp => new WebMetricProvider(sp.GetRequiredService<IOutboundHttp>()));
        services.AddSingleton<IMeasurementService>(sp => new MeasurementService(
            sp.GetRequiredService<IMetricProvider>(),
            sp.GetRequiredService<ISecretReader>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MeasurementService>>(),
            budget: MeasurementBudget.ForBatch(reconcileTimeout),
            web: sp.GetRequiredService<IWebMetricProvider>()));
    }

    private static void AddNotifications(IServiceCollection services)
    {
        services.AddSingleton(sp => new NotificationMetrics(sp.GetRequiredService<CollectorRegistry>()));
        services.AddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<IOutboundHttp>(),
            sp.GetRequiredService<NotificationOptions>(),
            sp.GetRequiredService<NotificationMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
    }

    /// <summary>Liveness from the informers' watch loops, readiness from their initial sync.</summary>
    private static InformerHealthSource InformerHealth(IServiceProvider services)
    {
        var health = new InformerHealthSource(services.GetRequiredService<TimeProvider>());
        foreach (var informer in services.GetRequiredService<RolloutOperatorRuntime>().Informers)
        {
            health.Register(informer);
        }

        return health;
    }
}
