using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prometheus;
using RolloutOperator.Configuration;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Runtime.Health;
using RolloutOperator.Runtime.Leadership;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Hosting;

/// <summary>The composition root: every service of the operator process. Tests override any of them through OperatorHost.Build's callback.</summary>
internal static class OperatorServices
{
    public static void Add(IServiceCollection services, OperatorOptions options, KubernetesClientConfiguration kubernetes)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OperatorExit>();

        // A registry per host keeps two operators in one test process apart and leaves out prometheus-net's default
        // process/meter/event-counter families, which are not ours and trip promtool.
        services.AddSingleton(_ => Prometheus.Metrics.NewCustomRegistry());
        services.AddSingleton(sp => new RuntimeMetrics(sp.GetRequiredService<CollectorRegistry>()));
        services.AddSingleton(sp => new RolloutMetrics(sp.GetRequiredService<CollectorRegistry>()));

        services.AddSingleton(kubernetes);
        services.AddSingleton<IKubernetes>(sp => CreateClient(sp, options));

        services.AddSingleton<ITrafficRouter, GatewayApiTrafficRouter>();
        services.AddSingleton<ITrafficRouter, NginxTrafficRouter>();
        services.AddSingleton(sp => new TrafficRouterRegistry(sp.GetServices<ITrafficRouter>()));

        var reconcileTimeout = TimeSpan.FromSeconds(options.ReconcileTimeoutSeconds);
        services.AddSingleton(new PrometheusOptions { DefaultAddress = options.PrometheusAddress, MaxTimeout = MeasurementBudget.ForQuery(reconcileTimeout) });
        services.AddSingleton<IMetricProvider, PrometheusMetricProvider>();
        services.AddSingleton<ISecretReader>(sp => new KubernetesSecretReader(sp.GetRequiredService<IKubernetes>()));
        services.AddSingleton<IMeasurementService>(sp => new MeasurementService(
            sp.GetRequiredService<IMetricProvider>(),
            sp.GetRequiredService<ISecretReader>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MeasurementService>>(),
            budget: MeasurementBudget.ForBatch(reconcileTimeout)));

        services.AddSingleton(_ => new RolloutControllerOptions
        {
            InstanceName = options.PodName!,
            Namespaces = options.NamespaceList,
            Workers = Math.Max(1, options.Workers),
            ReconcileTimeout = reconcileTimeout,
        });
        services.AddSingleton(sp => new RolloutOperatorRuntime(
            sp.GetRequiredService<IKubernetes>(),
            sp.GetRequiredService<RolloutControllerOptions>(),
            sp.GetRequiredService<TrafficRouterRegistry>(),
            sp.GetRequiredService<IMeasurementService>(),
            sp.GetRequiredService<RuntimeMetrics>(),
            sp.GetRequiredService<RolloutMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IHealthSource>(sp =>
        {
            var health = new InformerHealthSource(sp.GetRequiredService<TimeProvider>());
            foreach (var informer in sp.GetRequiredService<RolloutOperatorRuntime>().Informers)
            {
                health.Register(informer);
            }

            return health;
        });
        services.AddSingleton(sp => CreateLeaderGate(sp, options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, OperatorService>());
    }

    private static Kubernetes CreateClient(IServiceProvider services, OperatorOptions options)
    {
        var config = services.GetRequiredService<KubernetesClientConfiguration>();
        var metrics = new KubernetesApiMetricsHandler(services.GetRequiredService<RuntimeMetrics>());
        var agent = new UserAgentHandler(options.PodName ?? "rollout-operator");
        return options.Qps > 0
            ? new Kubernetes(config, agent, metrics, new ClientRateLimitHandler(options.Qps, options.Burst))
            : new Kubernetes(config, agent, metrics);
    }

    private static ILeaderGate CreateLeaderGate(IServiceProvider services, OperatorOptions options)
    {
        if (!options.LeaderElect)
        {
            return new AlwaysLeaderGate();
        }

        var exit = services.GetRequiredService<OperatorExit>();
        var election = new LeaderElectionOptions
        {
            LeaseNamespace = options.LeaderElectionNamespace!,
            LeaseName = options.LeaseName,
            LeaseDuration = TimeSpan.FromSeconds(options.LeaseDurationSeconds),
            RenewDeadline = TimeSpan.FromSeconds(options.RenewDeadlineSeconds),
            RetryPeriod = TimeSpan.FromSeconds(options.RetryPeriodSeconds),
        };
        return new LeaseLeaderGate(
            services.GetRequiredService<IKubernetes>(),
            election,
            options.PodName!,
            exit.LeadershipLost,
            services.GetRequiredService<RuntimeMetrics>(),
            services.GetRequiredService<ILogger<LeaseLeaderGate>>());
    }
}
