namespace RolloutOperator.Sandbox.Tests;

/// <summary>The README's demo, run the way CI runs it: non-interactive, against a real Prometheus.</summary>
[Collection(SandboxTestGroup.Name)]
public sealed class DemoTests
{
    // The demo takes ~25 s here; the bound leaves room for a loaded CI machine and still fails a stuck demo.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Demo_PromotesTheGoodVersion_RollsBackTheBadOne_AndLeavesNothingBehind()
    {
        Assert.True(File.Exists("/usr/bin/prometheus"), "the demo needs Prometheus: apt-get install -y prometheus");

        var run = await SandboxRun.RunAsync(["demo", "--non-interactive"], Bound);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.Output}");
        Assert.True(run.Elapsed < Bound, $"took {run.Elapsed}");
        Assert.Contains("OK: v1.1 (healthy) promoted: promoted ", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"success-rate=1\.000", run.Output);
        Assert.Contains("OK: v1.2 (30% errors) rolled back automatically: AnalysisFailed:", run.Output, StringComparison.Ordinal);
        Assert.Contains("ok   Total", run.Output, StringComparison.Ordinal);
        Assert.False(SandboxRun.IsRunning(run.PrometheusPid), $"prometheus pid {run.PrometheusPid} still running");
        Assert.False(Directory.Exists(run.Directory), $"{run.Directory} still exists");
    }
}
