using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Core.Api;

namespace RolloutOperator.ScaleBench.Kube;

/// <summary>
/// A real cluster (any kubeconfig) as the benchmark's cluster: three namespaces of its own, labelled with the run's id
/// so that they — and everything in them — can be deleted at the end, also after Ctrl-C, or by hand after a crash
/// (<c>kubectl delete namespace -l rollout-operator.io/scale-bench</c>). The CRDs must already be installed.
/// </summary>
internal sealed class KubeBenchCluster : IDisposable
{
    public const string RunLabel = "rollout-operator.io/scale-bench";
    private static readonly TimeSpan DeletionTimeout = TimeSpan.FromMinutes(10);

    private KubeBenchCluster(KubeApi api, BenchOptions options, string runId)
    {
        Api = api;
        RunId = runId;
        KubeconfigPath = options.Kubeconfig!;
        Context = options.Context;
        RolloutNamespace = $"{options.NamespacePrefix}-{runId}";
        UnrelatedNamespace = $"{options.NamespacePrefix}-{runId}-other";
        AnalysisNamespace = $"{options.NamespacePrefix}-{runId}-analysis";
    }

    public KubeApi Api { get; }

    public string RunId { get; }

    /// <summary>The API server's address, from the kubeconfig.</summary>
    public string Server { get; private init; } = string.Empty;

    public string KubeconfigPath { get; }

    public string? Context { get; }

    public string RolloutNamespace { get; }

    public string UnrelatedNamespace { get; }

    public string AnalysisNamespace { get; }

    public IReadOnlyList<string> Namespaces => [RolloutNamespace, UnrelatedNamespace, AnalysisNamespace];

    /// <summary>The flags that point an operator process at this cluster's context and only at the benchmark's namespaces.</summary>
    public IReadOnlyList<string> OperatorArgs => [.. ContextArgs, "--namespaces", string.Join(',', Namespaces)];

    /// <summary>The kubeconfig context flag for an operator process, if one was chosen.</summary>
    public IReadOnlyList<string> ContextArgs => Context is null ? [] : ["--context", Context];

    /// <summary>Connects, checks that the Rollout CRD is served, and creates the run's namespaces.</summary>
    public static async Task<KubeBenchCluster> ConnectAsync(BenchOptions options, TextWriter progress, CancellationToken ct)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(options.Kubeconfig!, options.Context);
        var api = new KubeApi(config, options.ClientQps);
        var cluster = new KubeBenchCluster(api, options, Guid.NewGuid().ToString("N")[..6]) { Server = config.Host };
        try
        {
            await cluster.RequireCrdsAsync(config.Host, ct);
            progress.WriteLine($"  cluster {config.Host}: run {cluster.RunId}, namespaces {string.Join(", ", cluster.Namespaces)}");
            foreach (var ns in cluster.Namespaces)
            {
                var body = Manifests.Namespace(ns);
                body["metadata"]!["labels"] = new JsonObject { [RunLabel] = cluster.RunId };
                await api.CreateAsync(KubeApi.Path(string.Empty, "v1", "namespaces", null), body, "scalebench", ct);
            }

            return cluster;
        }
        catch
        {
            await cluster.DeleteNamespacesAsync(progress);
            cluster.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Deletes every namespace labelled with this run's id and waits until they are gone. Runs on its own token: it is
    /// what happens after the run was cancelled.
    /// </summary>
    public async Task<int> DeleteNamespacesAsync(TextWriter progress)
    {
        using var timeout = new CancellationTokenSource(DeletionTimeout);
        var ct = timeout.Token;
        var path = KubeApi.Path(string.Empty, "v1", "namespaces", null) + $"?labelSelector={RunLabel}%3D{RunId}";
        var names = Names(await Api.GetAsync(path, ct));
        foreach (var name in names)
        {
            try
            {
                await Api.DeleteAsync(KubeApi.Path(string.Empty, "v1", "namespaces", null, name), ct);
            }
            catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }

        var clock = Stopwatch.StartNew();
        while (Names(await Api.GetAsync(path, ct)).Count > 0)
        {
            await Task.Delay(500, ct);
        }

        if (names.Count > 0)
        {
            progress.WriteLine($"  clean-up: deleted namespaces {string.Join(", ", names)} ({clock.Elapsed.TotalSeconds:0.0}s until gone)");
        }

        return names.Count;
    }

    private async Task RequireCrdsAsync(string host, CancellationToken ct)
    {
        var discovery = await Api.TryGetAsync($"apis/{ApiGroup.Name}/{ApiGroup.Version}", ct);
        var served = discovery?["resources"]?.AsArray().Any(r => r?["name"]?.GetValue<string>() == "rollouts") == true;
        if (!served)
        {
            throw new InvalidOperationException(
                $"the cluster at {host} does not serve {ApiGroup.Name}/{ApiGroup.Version} rollouts: install the CRDs first with `kubectl apply --server-side -f crds/` (see docs/benchmarks.md)");
        }
    }

    private static List<string> Names(JsonObject list) =>
        list["items"]?.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).ToList() ?? [];

    public void Dispose() => Api.Dispose();
}
