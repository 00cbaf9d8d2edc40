using System.Text.Json.Nodes;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Tests.EndToEnd;

/// <summary>The plugin against the real operator host (in-process) and the API emulator: commands have the documented effect.</summary>
public sealed class OperatorEffectTests
{
    private static readonly string V1 = RevisionHash.Compute(TestRollouts.Template(TestRollouts.StableImage));
    private static readonly string V2 = RevisionHash.Compute(TestRollouts.Template(TestRollouts.CanaryImage));

    [Fact]
    public async Task SetImage_Promote_Abort_Retry_Undo_AreActedOnByTheOperator()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        await using var host = OperatorHost.Build(["--kubeconfig", cluster.Kubeconfig, "--leader-elect", "false", "--port", "0"]);
        await host.StartAsync(ClusterHarness.Ct);
        try
        {
            await cluster.CreateRolloutAsync(TestRollouts.Canary(image: TestRollouts.StableImage));
            await WaitAsync(cluster, r => r.Status?.StableRevision == V1 && r.Status.CanaryRevision is null, "v1 stable");

            Assert.Equal(0, (await cluster.RunAsync("set", "image", "web", $"app={TestRollouts.CanaryImage}")).ExitCode);
            await WaitAsync(cluster, r => r.Status?.CanaryRevision == V2 && r.Status.CurrentStepIndex == 1, "v2 paused at step 2");

            Assert.Equal(0, (await cluster.RunAsync("promote", "web")).ExitCode);
            await WaitAsync(cluster, r => r.Status?.CurrentStepIndex >= 2, "promoted past the pause");

            Assert.Equal(0, (await cluster.RunAsync("abort", "web")).ExitCode);
            await WaitAsync(cluster, r => r.Status?.Abort?.Revision == V2, "v2 aborted");
            Assert.Equal(3, (await cluster.RunAsync("status", "web", "--timeout", "10s")).ExitCode);

            Assert.Equal(0, (await cluster.RunAsync("retry", "web")).ExitCode);
            await WaitAsync(cluster, r => r.Status is { Abort: null, CurrentStepIndex: 1 } s && s.CanaryRevision == V2, "v2 retried from the first step up to the pause");

            var undo = await cluster.RunAsync("undo", "web");
            Assert.True(undo.ExitCode == 0, undo.ToString());
            await WaitAsync(cluster, r => r.Status?.StableRevision == V1 && r.Status.CanaryRevision is null && r.Status.Abort is null, "back on v1");
            var status = await cluster.RunAsync("status", "web", "--timeout", "20s");
            Assert.True(status.ExitCode == 0, status.ToString());
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitAsync(ClusterHarness cluster, Func<Rollout, bool> done, string what)
    {
        Rollout? last = null;
        for (var i = 0; i < 150; i++)
        {
            last = await cluster.GetRolloutAsync("web");
            if (done(last))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{what} not reached: {JsonNode.Parse(k8s.KubernetesJson.Serialize(last?.Status))}");
    }
}
