namespace RolloutOperator.Sandbox.Tests;

[Collection(SandboxTestGroup.Name)]
public sealed class LifecycleTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task MissingPrometheus_PrintsTheInstallCommand_AndAnalysisFailsWithAnExplicitError()
    {
        var environment = new Dictionary<string, string> { ["SANDBOX_PROMETHEUS_BIN"] = "/nonexistent/prometheus" };

        var run = await SandboxRun.RunAsync(["demo", "--non-interactive"], Bound, environment);

        Assert.Contains("] apt-get install -y prometheus" + Environment.NewLine, run.Output, StringComparison.Ordinal);
        Assert.Contains("prometheus:            none (analysis disabled)", run.Output, StringComparison.Ordinal);
        // The healthy version cannot pass an analysis without Prometheus; the abort says why instead of hanging.
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("AnalysisFailed", run.Output, StringComparison.Ordinal);
        Assert.Contains("no Prometheus address configured", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory), $"{run.Directory} still exists");
    }

    [Fact]
    public async Task Up_StopsEverything_OnCtrlC()
    {
        var run = await SandboxRun.RunAsync(["up", "--non-interactive"], Bound, stopWhen: "sandbox is up");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.Output}");
        Assert.Contains("export KUBECONFIG=", run.Output, StringComparison.Ordinal);
        Assert.Contains("stopped ", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.Directory), $"{run.Directory} still exists");
        if (File.Exists("/usr/bin/prometheus"))
        {
            Assert.False(SandboxRun.IsRunning(run.PrometheusPid), $"prometheus pid {run.PrometheusPid} still running");
        }
    }

    [Fact]
    public async Task Apply_RunsTheUsersRollout_UntilHealthy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-apply-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: rollout-operator.io/v1alpha1
            kind: Rollout
            metadata:
              name: checkout
              namespace: shop
            spec:
              replicas: 3
              selector:
                matchLabels: {app: checkout}
              template:
                metadata:
                  labels: {app: checkout}
                spec:
                  containers:
                    - name: checkout
                      image: registry.example.com/checkout:1.0
              strategy:
                canary:
                  steps:
                    - setWeight: 50
            """);
        try
        {
            var run = await SandboxRun.RunAsync(["apply", "-f", file, "--non-interactive"], Bound);

            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.Output}");
            Assert.Contains("applied Rollout/checkout; the traffic simulator follows Rollout shop/checkout", run.Output, StringComparison.Ordinal);
            Assert.Contains("OK: healthy: stable ", run.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(run.Directory), $"{run.Directory} still exists");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
