using RolloutOperator.Runtime.Leadership;

namespace RolloutOperator.Configuration;

/// <summary>Settings of one operator process, bound from the "Operator" section (flags, environment, config files).</summary>
internal sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>Kubeconfig path; empty means in-cluster config, then KUBECONFIG, then ~/.kube/config.</summary>
    public string? Kubeconfig { get; set; }

    public string? Context { get; set; }

    /// <summary>Comma-separated namespaces to watch; empty means all namespaces.</summary>
    public string? Namespaces { get; set; }

    /// <summary>Parallel reconciles; chosen from the scale benchmark (docs/operations.md, "Defaults").</summary>
    public int Workers { get; set; } = 16;

    /// <summary>Port of /healthz, /readyz and /metrics; 0 picks a free port (tests).</summary>
    public int Port { get; set; } = 8080;

    /// <summary>Address the endpoints listen on; defaults to 0.0.0.0 in a cluster and 127.0.0.1 outside one.</summary>
    public string? BindAddress { get; set; }

    public bool LeaderElect { get; set; } = true;

    /// <summary>Namespace of the Lease; defaults to the pod's namespace in a cluster, else "default".</summary>
    public string? LeaderElectionNamespace { get; set; }

    public string LeaseName { get; set; } = "rollout-operator-leader";

    // Take-over after a leader dies is at most about lease + 2 × retry = 13 s; see docs/operations.md for the math.
    public double LeaseDurationSeconds { get; set; } = 10;

    public double RenewDeadlineSeconds { get; set; } = 7;

    public double RetryPeriodSeconds { get; set; } = 1.5;

    /// <summary>Identity for leader election and events; defaults to POD_NAME, else the host name.</summary>
    public string? PodName { get; set; }

    /// <summary>json (compact JSON, one event per line) or console.</summary>
    public string LogFormat { get; set; } = "json";

    public string LogLevel { get; set; } = "Information";

    /// <summary>Prometheus used by metrics that name no address.</summary>
    public Uri? PrometheusAddress { get; set; }

    /// <summary>Comma-separated host or host:port a metric's own address may name; empty allows all. The default address is always allowed.</summary>
    public string? PrometheusAllowedHosts { get; set; }

    /// <summary>
    /// Comma-separated host or host:port that every other address a namespaced object names may reach (webhook gates,
    /// web metrics, notification sinks); empty allows all.
    /// </summary>
    public string? OutboundAllowedHosts { get; set; }

    /// <summary>
    /// Comma-separated absolute directories ClusterAnalysisTemplates may read bearer-token and CA files from. Empty, the
    /// default: no file credentials at all. Namespaced Rollouts and AnalysisTemplates can never name files.
    /// </summary>
    public string? CredentialFileDirs { get; set; }

    /// <summary>
    /// JSON file with the operator-wide notification sinks (the shape of a Rollout's spec.notifications); every Rollout
    /// delivers to them unless it opts out or replaces one by name. Empty: no default sinks.
    /// </summary>
    public string? NotificationDefaults { get; set; }

    /// <summary>
    /// Sustained Kubernetes API requests per second (watches excluded); 0 disables the limit. Chosen from the scale
    /// benchmark (docs/operations.md, "Defaults"): 100 new revisions at once need about 300 requests.
    /// </summary>
    public double Qps { get; set; } = 100;

    public int Burst { get; set; } = 300;

    public double ReconcileTimeoutSeconds { get; set; } = 60;

    /// <summary>Export rollout traces over OTLP, configured by the standard OTEL_* environment variables (docs/tracing.md).</summary>
    public bool Tracing { get; set; }

    /// <summary>Diagnostic: false caches whole objects (managedFields included), to measure what the cache transforms save.</summary>
    public bool CacheTransforms { get; set; } = true;

    /// <summary>Longest a reconcile waits for a metric provider before recording the measurement in progress; 0 never waits.</summary>
    public double MeasurementInlineWaitSeconds { get; set; } = 1;

    /// <summary>Provider measurements running at once in the background, overall and per provider address.</summary>
    public int MeasurementConcurrency { get; set; } = 64;

    public int MeasurementConcurrencyPerAddress { get; set; } = 16;

    public LeaderElectionOptions LeaderElection => new()
    {
        LeaseNamespace = LeaderElectionNamespace ?? "default",
        LeaseName = LeaseName,
        LeaseDuration = TimeSpan.FromSeconds(LeaseDurationSeconds),
        RenewDeadline = TimeSpan.FromSeconds(RenewDeadlineSeconds),
        RetryPeriod = TimeSpan.FromSeconds(RetryPeriodSeconds),
    };

    public IReadOnlyList<string> CredentialFileDirectoryList =>
        (CredentialFileDirs ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> NamespaceList =>
        (Namespaces ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
