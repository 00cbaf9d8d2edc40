using Prometheus;

namespace RolloutOperator.TrafficSimulator.Tests;

public sealed class RequestGeneratorTests
{
    private static readonly RevisionBehaviour Erroring = new(0.2, TimeSpan.FromMilliseconds(300));

    [Fact]
    public void Generate_FractionalTicks_CarryTheRemainderSoTheRateIsExact()
    {
        var (generator, _) = Create(requestsPerSecond: 50);
        var snapshot = new TrafficSnapshot([new RevisionTraffic("a", 100, RevisionBehaviour.Healthy)]);

        var total = Enumerable.Range(0, 30).Sum(_ => generator.Generate(snapshot, TimeSpan.FromMilliseconds(33.3333333)));

        Assert.InRange(total, 49, 50);
    }

    [Fact]
    public async Task Generate_ThirtyPercentCanary_SplitsRequestsByWeight()
    {
        var (generator, registry) = Create(requestsPerSecond: 10_000);
        var snapshot = new TrafficSnapshot([new RevisionTraffic("stable", 70, RevisionBehaviour.Healthy), new RevisionTraffic("canary", 30, RevisionBehaviour.Healthy)]);

        generator.Generate(snapshot, TimeSpan.FromSeconds(1));

        var text = await Exposition.TextAsync(registry);
        var canary = Exposition.Sum(text, "http_requests_total", "revision=\"canary\"");
        var stable = Exposition.Sum(text, "http_requests_total", "revision=\"stable\"");
        Assert.Equal(10_000, canary + stable);
        Assert.InRange(canary / 10_000, 0.28, 0.32);
    }

    [Fact]
    public async Task Generate_ErrorRateAndLatencyFromBehaviour_ShowInCodesAndHistogram()
    {
        var (generator, registry) = Create(requestsPerSecond: 10_000);
        var snapshot = new TrafficSnapshot([new RevisionTraffic("stable", 50, RevisionBehaviour.Healthy), new RevisionTraffic("canary", 50, Erroring)]);

        generator.Generate(snapshot, TimeSpan.FromSeconds(1));

        var text = await Exposition.TextAsync(registry);
        var canaryErrors = Exposition.Sum(text, "http_requests_total", "revision=\"canary\"", "code=\"500\"");
        var canaryAll = Exposition.Sum(text, "http_requests_total", "revision=\"canary\"");
        Assert.InRange(canaryErrors / canaryAll, 0.17, 0.23);
        Assert.Equal(0, Exposition.Sum(text, "http_requests_total", "revision=\"stable\"", "code=\"500\""));

        // Canary: 300 ms extra, so nothing under 0.25 s and everything under 0.5 s; stable: all under 0.025 s.
        Assert.Equal(0, Exposition.Sum(text, "http_request_duration_seconds_bucket", "revision=\"canary\"", "le=\"0.25\""));
        Assert.Equal(canaryAll, Exposition.Sum(text, "http_request_duration_seconds_bucket", "revision=\"canary\"", "le=\"0.5\""));
        var stableAll = Exposition.Sum(text, "http_request_duration_seconds_count", "revision=\"stable\"");
        Assert.Equal(stableAll, Exposition.Sum(text, "http_request_duration_seconds_bucket", "revision=\"stable\"", "le=\"0.025\""));
    }

    [Fact]
    public void Generate_NoRevisions_EmitsNothing()
    {
        var (generator, _) = Create(requestsPerSecond: 100);

        Assert.Equal(0, generator.Generate(TrafficSnapshot.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Generate_SameSeed_IsRepeatable()
    {
        var snapshot = new TrafficSnapshot([new RevisionTraffic("stable", 50, RevisionBehaviour.Healthy), new RevisionTraffic("canary", 50, Erroring)]);
        var (first, firstRegistry) = Create(requestsPerSecond: 1000);
        var (second, secondRegistry) = Create(requestsPerSecond: 1000);

        first.Generate(snapshot, TimeSpan.FromSeconds(1));
        second.Generate(snapshot, TimeSpan.FromSeconds(1));

        Assert.Equal(await Exposition.TextAsync(firstRegistry), await Exposition.TextAsync(secondRegistry));
    }

    private static (RequestGenerator Generator, CollectorRegistry Registry) Create(double requestsPerSecond)
    {
        var registry = Metrics.NewCustomRegistry();
        var metrics = new SimulatorMetrics(registry, "default", "checkout");
        return (new RequestGenerator(metrics, new Random(42), requestsPerSecond, TimeSpan.FromMilliseconds(10)), registry);
    }
}
