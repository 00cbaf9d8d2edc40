using RolloutOperator.ApiEmulator;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// The API emulator in this process, holding the whole benchmark cluster, with the operator's CRDs installed and a
/// kubeconfig the operator process connects with.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string RolloutNamespace = "bench";
    public const string UnrelatedNamespace = "bench-other";
    public const string AnalysisNamespace = "bench-analysis";

    private BenchCluster(ApiServerEmulator emulator, string directory)
    {
        Emulator = emulator;
        Directory = directory;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
        emulator.WriteKubeconfig(KubeconfigPath);
        Http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    public ApiServerEmulator Emulator { get; }

    public InProcessApi Api => Emulator.InProcess;

    public string Directory { get; }

    public string KubeconfigPath { get; }

    /// <summary>The benchmark's own HTTP client: its requests are recorded like the operator's, under another user agent.</summary>
    public HttpClient Http { get; }

    public static async Task<BenchCluster> StartAsync(CancellationToken ct)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("rollout-scalebench-").FullName;
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions
        {
            // Ready at once: the benchmark measures the operator, not simulated pod start-up.
            DefaultReadyDelay = TimeSpan.Zero,
            // 1,000 Rollouts stepping at once write thousands of events a minute; a watch must not fall out of the window.
            WatchHistoryCapacity = 500_000,
        }, ct);
        await emulator.InstallCustomResourceDefinitionsAsync(RepoPaths.Crds, ct);
        var cluster = new BenchCluster(emulator, directory);
        foreach (var ns in new[] { RolloutNamespace, UnrelatedNamespace, AnalysisNamespace })
        {
            cluster.Api.Create(string.Empty, "v1", "namespaces", null, Manifests.Namespace(ns), "bench");
        }

        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
