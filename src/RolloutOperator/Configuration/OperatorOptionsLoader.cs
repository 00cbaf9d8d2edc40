using Microsoft.Extensions.Configuration;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Configuration;

/// <summary>Binds the Operator section and fills the defaults that depend on the environment (pod name, namespace, bind address).</summary>
internal static class OperatorOptionsLoader
{
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public static OperatorOptions Load(IConfiguration configuration)
    {
        var options = new OperatorOptions();
        configuration.GetSection(OperatorOptions.Section).Bind(options);
        var inCluster = KubernetesConfigLoader.IsInCluster(configuration);
        options.PodName = FirstNonEmpty(options.PodName, configuration["POD_NAME"], Environment.MachineName);
        options.BindAddress = FirstNonEmpty(options.BindAddress, inCluster ? "0.0.0.0" : "127.0.0.1");
        options.LeaderElectionNamespace = FirstNonEmpty(
            options.LeaderElectionNamespace, configuration["POD_NAMESPACE"], inCluster ? ReadServiceAccountNamespace() : null, "default");
        Validate(options);
        return options;
    }

    private static void Validate(OperatorOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            throw new OperatorConfigurationException($"--port must be 0..65535, got {options.Port}");
        }

        if (options.LogFormat is not ("json" or "console"))
        {
            throw new OperatorConfigurationException($"--log-format must be json or console, got {options.LogFormat}");
        }

        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            throw new OperatorConfigurationException($"--bind-address must be an IP address, got {options.BindAddress}");
        }

        if (!HostAllowList.TryParse(options.PrometheusAllowedHosts, out _, out var hostError))
        {
            throw new OperatorConfigurationException($"--prometheus-allowed-hosts: {hostError}");
        }

        if (!HostAllowList.TryParse(options.OutboundAllowedHosts, out _, out var outboundError))
        {
            throw new OperatorConfigurationException($"--outbound-allowed-hosts: {outboundError}");
        }

        ValidateCredentialDirectories(options.CredentialFileDirectoryList);
        ValidateLeaderElection(options);
        ValidateMeasurements(options);
    }

    private static void ValidateMeasurements(OperatorOptions options)
    {
        if (!double.IsFinite(options.MeasurementInlineWaitSeconds) || options.MeasurementInlineWaitSeconds is < 0 or > 60)
        {
            throw new OperatorConfigurationException($"--measurement-inline-wait must be 0..60 seconds, got {options.MeasurementInlineWaitSeconds}");
        }

        if (options.MeasurementConcurrency < 1 || options.MeasurementConcurrencyPerAddress < 1)
        {
            throw new OperatorConfigurationException(
                $"--measurement-concurrency and --measurement-concurrency-per-address must be at least 1, got {options.MeasurementConcurrency} and {options.MeasurementConcurrencyPerAddress}");
        }
    }

    // "/" (or a path that is not canonical) would make the allow-list meaningless or ambiguous.
    private static void ValidateCredentialDirectories(IReadOnlyList<string> directories)
    {
        foreach (var directory in directories)
        {
            if (!CredentialPaths.IsCanonical(directory) || directory.TrimEnd('/').Length == 0)
            {
                throw new OperatorConfigurationException(
                    $"--credential-file-dirs: \"{directory}\" must be an absolute directory other than / without \".\" or \"..\" segments");
            }
        }
    }

    private static void ValidateLeaderElection(OperatorOptions options)
    {
        if (!options.LeaderElect)
        {
            return;
        }

        var problems = options.LeaderElection.Validate("--lease-duration", "--renew-deadline", "--retry-period");
        if (problems.Count > 0)
        {
            throw new OperatorConfigurationException($"leader election timing is unsafe: {string.Join(' ', problems)}");
        }
    }

    private static string? ReadServiceAccountNamespace() =>
        File.Exists(ServiceAccountNamespaceFile) ? File.ReadAllText(ServiceAccountNamespaceFile).Trim() : null;

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrWhiteSpace(v))!;
}
