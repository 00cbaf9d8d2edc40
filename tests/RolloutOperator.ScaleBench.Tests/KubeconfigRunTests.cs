using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator;
using RolloutOperator.ScaleBench.Kube;
using Xunit.Abstractions;

namespace RolloutOperator.ScaleBench.Tests;

/// <summary>
/// The --kubeconfig mode against the API emulator served over HTTP, as it would run against any cluster: nothing
/// in-process, writes counted from the operator's own metrics, the run's namespaces deleted at the end. Counts only,
/// never timings.
/// </summary>
public sealed class KubeconfigRunTests(ITestOutputHelper output)
{
    private const int Rollouts = 20;
    private const string RunLabel = "rollout-operator.io/scale-bench";

    [Fact]
    public async Task KubeconfigRun_20Rollouts_CompletesCountsWritesFromOperatorMetricsAndDeletesItsNamespaces()
    {
        await using var cluster = await EmulatedClusterAsync(withCrds: true);
        using var progress = new TestOutputWriter(output);

        var result = await new KubeScaleRun(Options(cluster.Kubeconfig), progress).RunAsync(Rollouts, CancellationToken.None);

        Assert.Equal(0, result.ColdStart!.Writes);
        Assert.Equal(0, result.Idle!.Writes);
        Assert.Equal(2, result.ReactionAlone!.Count);
        Assert.Equal(5, result.ReactionBatch!.Count);
        var steps = result.Steps!;
        Assert.Equal(Rollouts, steps.Completed);
        Assert.Equal(2 * Rollouts, steps.Pauses);
        Assert.InRange(steps.WritesPerStep, 0.5, 3);
        Assert.True(steps.Events > 0, "no events counted");
        Assert.True(double.IsNaN(steps.BenchCpuPer1000Steps), "the API server's CPU cannot be measured against a real cluster");
        // The operator's metrics count what the API server received from it during the step run (the scrapes bracket
        // the window, so they may also hold a write or two from its edges).
        var kube = result.Kube!;
        var received = cluster.Emulator.Requests.Where(r => r.IsWrite && r.Time >= kube.StepsFrom && r.Time <= kube.StepsTo
            && r.UserAgent?.Contains(OperatorUnderTest.PodName, StringComparison.Ordinal) == true && r.Request.Resource != "events").Count;
        Assert.InRange(steps.Writes, received, received + (received / 10) + 2);
        Assert.True(result.Analysis!.Queries > 0, "the analysis Rollout was never measured");
        Assert.Equal(3, kube.NamespacesDeleted);
        Assert.Empty(await RunNamespacesAsync(cluster));
    }

    [Fact]
    public async Task KubeconfigRun_CancelledWhileSeeding_DeletesItsNamespaces()
    {
        await using var cluster = await EmulatedClusterAsync(withCrds: true);
        using var progress = new TestOutputWriter(output);
        using var cancel = new CancellationTokenSource();

        var run = new KubeScaleRun(Options(cluster.Kubeconfig), progress).RunAsync(Rollouts, cancel.Token);
        while ((await RunNamespacesAsync(cluster)).Count < 3 && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(await RunNamespacesAsync(cluster));
    }

    [Fact]
    public async Task KubeconfigRun_WithoutCrds_SaysHowToInstallThemAndLeavesNothing()
    {
        await using var cluster = await EmulatedClusterAsync(withCrds: false);
        using var progress = new TestOutputWriter(output);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new KubeScaleRun(Options(cluster.Kubeconfig), progress).RunAsync(Rollouts, CancellationToken.None));

        Assert.Contains("kubectl apply --server-side -f crds/", error.Message, StringComparison.Ordinal);
        Assert.Empty(await RunNamespacesAsync(cluster));
    }

    private static BenchOptions Options(string kubeconfig) => new()
    {
        Kubeconfig = kubeconfig,
        NamespacePrefix = "kube-test",
        Rollouts = [Rollouts],
        Unrelated = 20,
        IdleWindow = TimeSpan.FromSeconds(3),
        Progressing = Rollouts,
        ReactionBatch = 5,
        ReactionSamples = 2,
        AnalysisRollouts = 1,
        AnalysisWindow = TimeSpan.FromSeconds(11),
        Pause = TimeSpan.FromSeconds(2),
        Settle = TimeSpan.FromSeconds(1),
        CompareTransformsFrom = int.MaxValue,
        OperatorArgs = ["--qps", "0"],
    };

    private static async Task<List<string>> RunNamespacesAsync(EmulatedCluster cluster)
    {
        var list = await cluster.Http.GetFromJsonAsync<JsonObject>($"api/v1/namespaces?labelSelector={RunLabel}");
        return list!["items"]!.AsArray().Select(n => n!["metadata"]!["name"]!.GetValue<string>()).ToList();
    }

    private static async Task<EmulatedCluster> EmulatedClusterAsync(bool withCrds)
    {
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions { DefaultReadyDelay = TimeSpan.Zero, WatchHistoryCapacity = 100_000 }, CancellationToken.None);
        if (withCrds)
        {
            await emulator.InstallCustomResourceDefinitionsAsync(RepoPaths.Crds, CancellationToken.None);
        }

        return new EmulatedCluster(emulator);
    }

    /// <summary>The emulator over HTTP with a kubeconfig file: what the benchmark sees of any cluster.</summary>
    private sealed class EmulatedCluster : IAsyncDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("scalebench-kube-test-").FullName;

        public EmulatedCluster(ApiServerEmulator emulator)
        {
            Emulator = emulator;
            Kubeconfig = Path.Combine(_directory, "kubeconfig");
            emulator.WriteKubeconfig(Kubeconfig);
            Http = new HttpClient { BaseAddress = emulator.BaseAddress };
        }

        public ApiServerEmulator Emulator { get; }

        public string Kubeconfig { get; }

        public HttpClient Http { get; }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await Emulator.DisposeAsync();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
