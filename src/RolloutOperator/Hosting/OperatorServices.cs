using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prometheus;
using RolloutOperator.Configuration;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Notifications;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Web;
using RolloutOperator.Core.Parsing;
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
        services.AddKeyedSingleton<IKubernetes>(LeaderElectionClientKey, (sp, _) => CreateLeaderElectionClient(sp, options));

        services.AddSingleton<ITrafficRouter, GatewayApiTrafficRouter>();
        services.AddSingleton<ITrafficRouter, NginxTrafficRouter>();
        services.AddSingleton<ITrafficRouter, IstioTrafficRouter>();
        services.AddSingleton<ITrafficRouter, AlbTrafficRouter>();
        services.AddSingleton(sp => new TrafficRouterRegistry(sp.GetServices<ITrafficRouter>()));

        var reconcileTimeout = TimeSpan.FromSeconds(options.ReconcileTimeoutSeconds);
        var prometheus = PrometheusOptionsFrom(options, reconcileTimeout);
        services.AddSingleton(prometheus);
        services.AddSingleton<IMetricProvider, PrometheusMetricProvider>();
        services.AddSingleton<ISecretReader>(sp => new KubernetesSecretReader(sp.GetRequiredService<IKubernetes>()));
        var outbound = OutboundOptionsFrom(options, reconcileTimeout);
        services.AddSingleton(outbound);
        services.AddSingleton<IOutboundHttp>(sp => new OutboundHttpClient(
            outbound, sp.GetRequiredService<ISecretReader>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWebMetricProvider>(sp => new WebMetricProvider(sp.GetRequiredService<IOutboundHttp>()));
        services.AddSingleton<IMeasurementService>(sp => new MeasurementService(
            sp.GetRequiredService<IMetricProvider>(),
            sp.GetRequiredService<ISecretReader>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MeasurementService>>(),
            budget: MeasurementBudget.ForBatch(reconcileTimeout),
            web: sp.GetRequiredService<IWebMetricProvider>()));

        services.AddSingleton(_ => new RolloutControllerOptions
        {
            InstanceName = options.PodName!,
            Namespaces = options.NamespaceList,
            Workers = Math.Max(1, options.Workers),
            ReconcileTimeout = reconcileTimeout,
            ProviderPolicy = prometheus.Policy with { OutboundHosts = outbound.AllowedHosts },
            Tracing = options.Tracing,
            CacheTransforms = options.CacheTransforms,
            Measurements = new MeasurementRunnerOptions
            {
                InlineWait = TimeSpan.FromSeconds(options.MeasurementInlineWaitSeconds),
                MaxConcurrency = options.MeasurementConcurrency,
                MaxConcurrencyPerAddress = options.MeasurementConcurrencyPerAddress,
            },
        });
        AddNotifications(services, options, outbound.AllowedHosts);
        OperatorTracing.Add(services, options);
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

    private static PrometheusOptions PrometheusOptionsFrom(OperatorOptions options, TimeSpan reconcileTimeout)
    {
        if (!HostAllowList.TryParse(options.PrometheusAllowedHosts, out var allowedHosts, out var error))
        {
            throw new OperatorConfigurationException($"--prometheus-allowed-hosts: {error}");
        }

        return new PrometheusOptions
        {
            DefaultAddress = options.PrometheusAddress,
            AllowedHosts = allowedHosts,
            CredentialFileDirectories = options.CredentialFileDirectoryList,
            MaxTimeout = MeasurementBudget.ForQuery(reconcileTimeout),
        };
    }

    /// <summary>Default sinks are read (and refused) at startup, under the same outbound allow-list as a Rollout's.</summary>
    private static void AddNotifications(IServiceCollection services, OperatorOptions options, HostAllowList outboundHosts)
    {
        var notifications = NotificationDefaultsLoader.Load(options.NotificationDefaults, outboundHosts);
        services.AddSingleton(notifications);
        services.AddSingleton(sp => new NotificationMetrics(sp.GetRequiredService<CollectorRegistry>()));
        services.AddSingleton(sp => new NotificationDispatcher(
            sp.GetRequiredService<IOutboundHttp>(),
            sp.GetRequiredService<NotificationOptions>(),
            sp.GetRequiredService<NotificationMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
    }

    private static OutboundOptions OutboundOptionsFrom(OperatorOptions options, TimeSpan reconcileTimeout)
    {
        if (!HostAllowList.TryParse(options.OutboundAllowedHosts, out var allowedHosts, out var error))
        {
            throw new OperatorConfigurationException($"--outbound-allowed-hosts: {error}");
        }

        return new OutboundOptions { AllowedHosts = allowedHosts, MaxTimeout = MeasurementBudget.ForQuery(reconcileTimeout) };
    }

    /// <summary>The key of the Lease's own client in the service collection.</summary>
    public const string LeaderElectionClientKey = "leader-election";

    /// <summary>
    /// The client reconciles and informers share. It refuses writes unless this instance leads right now, so nothing
    /// is written after the renew deadline passes, even by a reconcile that has not noticed yet.
    /// </summary>
    private static Kubernetes CreateClient(IServiceProvider services, OperatorOptions options)
    {
        var config = services.GetRequiredService<KubernetesClientConfiguration>();
        var metrics = new KubernetesApiMetricsHandler(services.GetRequiredService<RuntimeMetrics>());
        var agent = new UserAgentHandler(options.PodName ?? "rollout-operator");
        var writes = new LeaderOnlyWritesHandler(
            services.GetRequiredService<ILeaderGate>(), services.GetRequiredService<OperatorExit>().LeadershipLostToken);
        return options.Qps > 0
            ? new Kubernetes(config, agent, metrics, writes, new ClientRateLimitHandler(options.Qps, options.Burst))
            : new Kubernetes(config, agent, metrics, writes);
    }

    /// <summary>
    /// The Lease's own client: its own HttpClient and connection pool and no client-side rate limit, so a renewal never
    /// waits behind reconcile traffic (a queued renewal is a lost lease). It makes one or two requests per retry period.
    /// </summary>
    private static Kubernetes CreateLeaderElectionClient(IServiceProvider services, OperatorOptions options)
    {
        var config = services.GetRequiredService<KubernetesClientConfiguration>();
        var metrics = new KubernetesApiMetricsHandler(services.GetRequiredService<RuntimeMetrics>());
        return new Kubernetes(config, new UserAgentHandler(options.PodName ?? "rollout-operator"), metrics);
    }

    private static ILeaderGate CreateLeaderGate(IServiceProvider services, OperatorOptions options)
    {
        if (!options.LeaderElect)
        {
            return new AlwaysLeaderGate();
        }

        var exit = services.GetRequiredService<OperatorExit>();
        // The wall clock, not the injected TimeProvider: the elector and the API server's view of the lease run on it.
        return new LeaseLeaderGate(
            services.GetRequiredKeyedService<IKubernetes>(LeaderElectionClientKey),
            options.LeaderElection,
            options.PodName!,
            exit.LeadershipLost,
            services.GetRequiredService<RuntimeMetrics>(),
            services.GetRequiredService<ILogger<LeaseLeaderGate>>(),
            TimeProvider.System);
    }
}
