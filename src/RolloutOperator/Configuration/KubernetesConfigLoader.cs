using k8s;
using Microsoft.Extensions.Configuration;

namespace RolloutOperator.Configuration;

/// <summary>
/// Chooses the API server: an explicit kubeconfig, else in-cluster config when KUBERNETES_SERVICE_HOST is set, else
/// KUBECONFIG or ~/.kube/config. Never the client's BuildDefaultConfig, which silently falls back to localhost:8080.
/// </summary>
internal static class KubernetesConfigLoader
{
    public static KubernetesClientConfiguration Load(OperatorOptions options, IConfiguration environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Kubeconfig))
        {
            return FromFile(options.Kubeconfig, options.Context);
        }

        if (IsInCluster(environment))
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var fromEnvironment = (environment["KUBECONFIG"] ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(File.Exists);
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        var path = fromEnvironment ?? (File.Exists(home) ? home : null);
        return path is not null
            ? FromFile(path, options.Context)
            : throw new OperatorConfigurationException(
                "No Kubernetes API server configured: not running in a cluster (KUBERNETES_SERVICE_HOST is unset) and no kubeconfig found. Pass --kubeconfig PATH, set KUBECONFIG, or create ~/.kube/config.");
    }

    public static bool IsInCluster(IConfiguration environment) => !string.IsNullOrEmpty(environment["KUBERNETES_SERVICE_HOST"]);

    private static KubernetesClientConfiguration FromFile(string path, string? context)
    {
        if (!File.Exists(path))
        {
            throw new OperatorConfigurationException($"kubeconfig {path} does not exist");
        }

        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(path, string.IsNullOrWhiteSpace(context) ? null : context);
        }
        catch (k8s.Exceptions.KubeConfigException ex)
        {
            throw new OperatorConfigurationException($"kubeconfig {path}{(context is null ? string.Empty : $" (context {context})")} is unusable: {ex.Message}", ex);
        }
    }
}
