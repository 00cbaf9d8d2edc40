using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Prometheus;
using RolloutOperator.Configuration;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Core.Parsing;
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

        services.AddSingleton(kubernetes);
        services.AddSingleton<IKubernetes>(sp => CreateClient(sp, options));
        services.AddKeyedSingleton<IKubernetes>(LeaderElectionClientKey, (sp, _) => CreateLeaderElectionClient(sp, options));

        var prometheus = PrometheusOptionsFrom(options);
        var outbound = OutboundOptionsFrom(options);

        // Default sinks are read (and refused) at startup, under the same outbound allow-list as a Rollout's.
        var notifications = NotificationDefaultsLoader.Load(options.NotificationDefaults, outbound.AllowedHosts);
        services.AddRolloutController(ControllerOptionsFrom(options), prometheus, outbound, notifications);
        OperatorTracing.Add(services, options);
        services.AddSingleton(sp => CreateLeaderGate(sp, options));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, OperatorService>());
    }

    private static RolloutControllerOptions ControllerOptionsFrom(OperatorOptions options) => new()
    {
        InstanceName = options.PodName!,
        Namespaces = options.NamespaceList,
        Workers = Math.Max(1, options.Workers),
        ReconcileTimeout = TimeSpan.FromSeconds(options.ReconcileTimeoutSeconds),
        Tracing = options.Tracing,
        CacheTransforms = options.CacheTransforms,
        Measurements = new MeasurementRunnerOptions
        {
            InlineWait = TimeSpan.FromSeconds(options.MeasurementInlineWaitSeconds),
            MaxConcurrency = options.MeasurementConcurrency,
            MaxConcurrencyPerAddress = options.MeasurementConcurrencyPerAddress,
        },
    };

    private static PrometheusOptions PrometheusOptionsFrom(OperatorOptions options)
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
        };
    }

    private static OutboundOptions OutboundOptionsFrom(OperatorOptions options)
    {
        if (!HostAllowList.TryParse(options.OutboundAllowedHosts, out var allowedHosts, out var error))
        {
            throw new OperatorConfigurationException($"--outbound-allowed-hosts: {error}");
        }

        return new OutboundOptions { AllowedHosts = allowedHosts };
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
