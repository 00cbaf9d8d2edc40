using k8s;
using RolloutOperator.Cli.Infrastructure;

namespace RolloutOperator.Cli.Kube;

/// <summary>
/// Resolves the kubeconfig like kubectl: --kubeconfig, else the first existing file in KUBECONFIG, else ~/.kube/config,
/// else in-cluster. Never BuildDefaultConfig(): it silently falls back to http://localhost:8080.
/// </summary>
internal sealed class KubeClientFactory(Func<string, string?> environment) : IKubeClientFactory
{
    public KubeConnection Connect(KubeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = Load(settings);
        if (settings.RequestTimeout is { } timeout && timeout > TimeSpan.Zero)
        {
            config.HttpClientTimeout = timeout;
        }

        var ns = string.IsNullOrEmpty(settings.Namespace) ? config.Namespace : settings.Namespace;
        return new KubeConnection(new Kubernetes(config, new PluginUserAgent(settings.Component)), string.IsNullOrEmpty(ns) ? "default" : ns);
    }

    private KubernetesClientConfiguration Load(KubeSettings settings)
    {
        var files = KubeconfigFiles(settings.Kubeconfig);
        if (files.Count == 0)
        {
            return KubernetesClientConfiguration.IsInCluster()
                ? KubernetesClientConfiguration.InClusterConfig()
                : throw new CliException("no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or create ~/.kube/config");
        }

        try
        {
            // KubernetesClient 21 does not expose its kubeconfig merge, so with several KUBECONFIG files the first one is used.
            var merged = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(files[0]));
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, settings.Context);
        }
        catch (k8s.Exceptions.KubeConfigException e)
        {
            throw new CliException($"invalid kubeconfig: {e.Message}", e);
        }
    }

    private List<string> KubeconfigFiles(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? [explicitPath] : throw new CliException($"kubeconfig {explicitPath} does not exist");
        }

        if (environment("KUBECONFIG") is { Length: > 0 } list)
        {
            return [.. list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(File.Exists)];
        }

        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var fallback = Path.Combine(home, ".kube", "config");
        return File.Exists(fallback) ? [fallback] : [];
    }
}
