using System.Diagnostics;

namespace RolloutOperator.ScaleBench.Kube;

/// <summary>
/// One size against a real cluster (--kubeconfig): the same phases as <see cref="ScaleRun"/>, with the objects seeded
/// through the cluster's API into namespaces of the run's own, the operator process restricted to those namespaces,
/// writes counted from the operator's own metrics, reactions and lateness read from watches, and the namespaces
/// deleted at the end — also when the run fails or is cancelled (Ctrl-C).
/// </summary>
internal sealed class KubeScaleRun(BenchOptions options, TextWriter progress)
{
    public async Task<SizeResult> RunAsync(int rollouts, CancellationToken ct)
    {
        using var cluster = await KubeBenchCluster.ConnectAsync(options, progress, ct);
        var logs = Directory.CreateTempSubdirectory("rollout-scalebench-kube-").FullName;
        SizeResult result;
        (DateTimeOffset From, DateTimeOffset To) steps;
        try
        {
            (result, steps) = await MeasureAsync(cluster, rollouts, logs, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            progress.WriteLine("  cancelled");
            await cluster.DeleteNamespacesAsync(progress);
            Directory.Delete(logs, recursive: true);
            throw;
        }
        catch
        {
            progress.WriteLine($"  run failed; operator logs kept in {logs}");
            await cluster.DeleteNamespacesAsync(progress);
            throw;
        }

        var deleted = await cluster.DeleteNamespacesAsync(progress);
        Directory.Delete(logs, recursive: true);
        return result with { Kube = new KubeRunFigures(cluster.Server, cluster.RunId, cluster.Namespaces, deleted, steps.From, steps.To) };
    }

    private async Task<(SizeResult, (DateTimeOffset, DateTimeOffset))> MeasureAsync(KubeBenchCluster cluster, int rollouts, string logs, CancellationToken ct)
    {
        var seeder = new KubeSeeder(cluster, options, logs, progress);
        var seedClock = Stopwatch.StartNew();
        var template = await seeder.RollOutTemplateAsync(ct);
        var unrelated = await seeder.SeedUnrelatedAsync(options.Unrelated, ct);
        var clones = await seeder.CloneIdleAsync(template, rollouts, ct);
        progress.WriteLine($"  seeded {options.Unrelated} Deployments + Services in {unrelated.TotalSeconds:0.0}s, {rollouts} idle Rollouts in {clones.TotalSeconds:0.0}s");
        var result = new SizeResult { Rollouts = rollouts, Unrelated = options.Unrelated, SeedSeconds = seedClock.Elapsed.TotalSeconds };

        await using var prometheus = await StubPrometheus.StartAsync(ct);
        string[] operatorArgs = ["--prometheus-address", prometheus.Address.ToString(), .. cluster.OperatorArgs, .. options.OperatorArgs];
        (DateTimeOffset, DateTimeOffset) stepWindow;
        await using (var op = OperatorUnderTest.Start(cluster.KubeconfigPath, Path.Combine(logs, "operator.log"), operatorArgs))
        {
            var probe = new KubeProbe(cluster, op, options, progress);
            result = result with { ColdStart = await probe.ColdStartAsync(rollouts, ct) };
            result = result with { Memory = await OperatorProbe.SettledMemoryAsync(op, options.Settle, progress, ct) };
            result = result with { Idle = await probe.IdleAsync(ct) };
            await using var watches = await KubeWatches.StartAsync(cluster, rollouts, ct);
            result = await probe.ReactionsAsync(watches, rollouts, result, ct);
            result = result with { Steps = await probe.StepsAsync(watches, rollouts, ct) };
            result = result with { Analysis = await probe.AnalysisAsync(prometheus, ct) };
            stepWindow = probe.StepWindow;
        }

        if (rollouts >= options.CompareTransformsFrom)
        {
            result = result with
            {
                Memory = await OperatorProbe.RestartedMemoryAsync(cluster.KubeconfigPath, logs, options.Settle, progress, operatorArgs, rollouts, "transforms-on", ct),
                MemoryWithoutTransforms = await OperatorProbe.RestartedMemoryAsync(cluster.KubeconfigPath, logs, options.Settle, progress, [.. operatorArgs, "--cache-transforms", "false"], rollouts, "transforms-off", ct),
            };
        }

        return (result, stepWindow);
    }
}
