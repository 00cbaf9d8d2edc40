using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace RolloutOperator.TrafficSimulator.Tests;

public sealed class SimulatorHostTests
{
    [Fact]
    public async Task Host_ClockAdvancesOneSecond_GeneratesOneSecondOfRequests()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var source = new FixedTrafficSource(new RevisionTraffic("stable", 100, RevisionBehaviour.Healthy));
        await using var host = await SimulatorHost.StartAsync(source, new SimulatorOptions { Rollout = "checkout", RequestsPerSecond = 50, Time = time }, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(1));

        await Eventually(() => host.RequestsGenerated == 50);
        Assert.Equal(50, Exposition.Sum(await Exposition.TextAsync(host.Registry), "http_requests_total", "revision=\"stable\"", "code=\"200\""));
    }

    [Fact]
    public async Task Host_SourceChangesSplit_FollowsItAfterTheRefreshInterval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var source = new FixedTrafficSource(new RevisionTraffic("stable", 100, RevisionBehaviour.Healthy));
        await using var host = await SimulatorHost.StartAsync(source, new SimulatorOptions { Rollout = "checkout", RefreshInterval = TimeSpan.FromSeconds(1), Time = time }, CancellationToken.None);
        source.Snapshot = new TrafficSnapshot([new RevisionTraffic("canary", 100, RevisionBehaviour.Healthy)]);

        time.Advance(TimeSpan.FromSeconds(1));

        await Eventually(() => host.Snapshot.Revisions is [{ Revision: "canary" }]);
    }

    [Fact]
    public async Task Host_MetricsEndpoint_ServesAnExpositionThatPromtoolAccepts()
    {
        var source = new FixedTrafficSource(new RevisionTraffic("stable", 50, RevisionBehaviour.Healthy), new RevisionTraffic("canary", 50, new RevisionBehaviour(0.5, TimeSpan.FromMilliseconds(100))));
        await using var host = await SimulatorHost.StartAsync(source, new SimulatorOptions { Rollout = "checkout", RequestsPerSecond = 1000 }, CancellationToken.None);
        await Eventually(() => host.RequestsGenerated > 100);
        using var client = new HttpClient();

        using var response = await client.GetAsync(host.MetricsUri);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("127.0.0.1", host.MetricsUri.Host);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("http_requests_total{rollout=\"checkout\",namespace=\"default\",revision=\"canary\",code=\"500\"}", body);
        Assert.Contains("http_request_duration_seconds_bucket{rollout=\"checkout\",namespace=\"default\",revision=\"canary\",le=\"0.05\"}", body);
        Assert.Equal("", await PromtoolCheckAsync(body));
    }

    private static async Task<string> PromtoolCheckAsync(string exposition)
    {
        const string promtool = "/usr/bin/promtool";
        Assert.True(File.Exists(promtool), "promtool is required: apt-get install -y prometheus");
        var start = new ProcessStartInfo(promtool, "check metrics") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : $"exit {process.ExitCode}: {output}";
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "condition not met within 5s");
            await Task.Delay(10);
        }
    }
}
