namespace RolloutOperator.Configuration;

/// <summary>Short flags (<c>--kubeconfig PATH</c>, <c>--workers=4</c>) as aliases of the Operator:* configuration keys.</summary>
internal static class CommandLineSwitches
{
    public static Dictionary<string, string> Mappings { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--kubeconfig"] = Key(nameof(OperatorOptions.Kubeconfig)),
        ["--context"] = Key(nameof(OperatorOptions.Context)),
        ["--namespaces"] = Key(nameof(OperatorOptions.Namespaces)),
        ["--workers"] = Key(nameof(OperatorOptions.Workers)),
        ["--port"] = Key(nameof(OperatorOptions.Port)),
        ["--bind-address"] = Key(nameof(OperatorOptions.BindAddress)),
        ["--leader-elect"] = Key(nameof(OperatorOptions.LeaderElect)),
        ["--leader-election-namespace"] = Key(nameof(OperatorOptions.LeaderElectionNamespace)),
        ["--lease-name"] = Key(nameof(OperatorOptions.LeaseName)),
        ["--lease-duration"] = Key(nameof(OperatorOptions.LeaseDurationSeconds)),
        ["--renew-deadline"] = Key(nameof(OperatorOptions.RenewDeadlineSeconds)),
        ["--retry-period"] = Key(nameof(OperatorOptions.RetryPeriodSeconds)),
        ["--pod-name"] = Key(nameof(OperatorOptions.PodName)),
        ["--log-format"] = Key(nameof(OperatorOptions.LogFormat)),
        ["--log-level"] = Key(nameof(OperatorOptions.LogLevel)),
        ["--prometheus-address"] = Key(nameof(OperatorOptions.PrometheusAddress)),
        ["--prometheus-allowed-hosts"] = Key(nameof(OperatorOptions.PrometheusAllowedHosts)),
        ["--outbound-allowed-hosts"] = Key(nameof(OperatorOptions.OutboundAllowedHosts)),
        ["--credential-file-dirs"] = Key(nameof(OperatorOptions.CredentialFileDirs)),
        ["--notification-defaults"] = Key(nameof(OperatorOptions.NotificationDefaults)),
        ["--qps"] = Key(nameof(OperatorOptions.Qps)),
        ["--burst"] = Key(nameof(OperatorOptions.Burst)),
        ["--reconcile-timeout"] = Key(nameof(OperatorOptions.ReconcileTimeoutSeconds)),
        ["--tracing"] = Key(nameof(OperatorOptions.Tracing)),
        ["--cache-transforms"] = Key(nameof(OperatorOptions.CacheTransforms)),
        ["--measurement-inline-wait"] = Key(nameof(OperatorOptions.MeasurementInlineWaitSeconds)),
        ["--measurement-concurrency"] = Key(nameof(OperatorOptions.MeasurementConcurrency)),
        ["--measurement-concurrency-per-address"] = Key(nameof(OperatorOptions.MeasurementConcurrencyPerAddress)),
    };

    private static string Key(string property) => $"{OperatorOptions.Section}:{property}";
}
