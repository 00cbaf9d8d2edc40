using System.Net;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Image;

/// <summary>
/// What CI can verify of the image without Docker: the Dockerfile's publish succeeds and its entrypoint, started with
/// the chart's flags against the API emulator, answers the probes and serves lint-clean metrics.
/// </summary>
public sealed class PublishedHostTests
{
    private static readonly TimeSpan StartupBudget = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PublishedEntrypoint_AgainstEmulator_AnswersProbesAndServesValidMetrics()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"deploy-tests-{Guid.NewGuid():N}.kubeconfig");
        var published = Path.Combine(Path.GetTempPath(), $"rollout-operator-publish-{Guid.NewGuid():N}");
        emulator.WriteKubeconfig(kubeconfig);
        await emulator.InstallCustomResourceDefinitionsAsync(RepoPaths.Of("crds"), cts.Token);
        try
        {
            await PublishedHost.PublishAsync(published);
            await using var host = PublishedHost.Start(published, ["--kubeconfig", kubeconfig, "--leader-elect", "false", "--log-format", "console"]);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}"), Timeout = TimeSpan.FromSeconds(5) };

            await WaitForOkAsync(http, host, "/healthz", cts.Token);
            await WaitForOkAsync(http, host, "/readyz", cts.Token);

            var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), cts.Token);
            Assert.Contains("controller_reconcile_total", metrics, StringComparison.Ordinal);
            var lint = await ProcessRunner.RunAsync(Tools.Promtool, ["check", "metrics"], TimeSpan.FromMinutes(1), stdin: metrics);
            Assert.True(lint.ExitCode == 0, $"promtool check metrics failed on /metrics:\n{lint.Stdout}{lint.Stderr}");
        }
        finally
        {
            File.Delete(kubeconfig);
            if (Directory.Exists(published))
            {
                Directory.Delete(published, recursive: true);
            }
        }
    }

    private static async Task WaitForOkAsync(HttpClient http, PublishedHost host, string path, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + StartupBudget;
        var last = "no answer";
        while (DateTimeOffset.UtcNow < deadline)
        {
            Assert.False(host.HasExited, $"the published host exited before {path} answered:\n{host.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        Assert.Fail($"{path} did not answer 200 within {StartupBudget} (last: {last}):\n{host.Output}");
    }
}
