using Prometheus;

namespace RolloutOperator.TrafficSimulator;

/// <summary>
/// The families a typical HTTP server library exports, in a private registry (no process or runtime collectors, so the
/// exposition holds only what the simulation produces).
/// </summary>
internal sealed class SimulatorMetrics
{
    // Prometheus client defaults: the buckets dashboards and SLO templates expect.
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly string _rollout;
    private readonly string _namespace;

    public SimulatorMetrics(CollectorRegistry registry, string @namespace, string rollout)
    {
        Registry = registry;
        _rollout = rollout;
        _namespace = @namespace;
        var factory = Metrics.WithCustomRegistry(registry);
        _requests = factory.CreateCounter("http_requests_total", "Simulated HTTP requests by revision and status code.", "rollout", "namespace", "revision", "code");
        _duration = factory.CreateHistogram(
            "http_request_duration_seconds",
            "Simulated HTTP request latency by revision.",
            new HistogramConfiguration { LabelNames = ["rollout", "namespace", "revision"], Buckets = Buckets });
    }

    public CollectorRegistry Registry { get; }

    public void Observe(string revision, int code, double seconds)
    {
        _requests.WithLabels(_rollout, _namespace, revision, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _duration.WithLabels(_rollout, _namespace, revision).Observe(seconds);
    }
}
