using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RolloutOperator.TrafficSimulator;

/// <summary>Which Rollout to follow and how much traffic to make.</summary>
public sealed class SimulatorOptions
{
    public string Namespace { get; init; } = "default";

    public string Rollout { get; init; } = "";

    public double RequestsPerSecond { get; init; } = 50;

    /// <summary>How often the split and the revisions' behaviour are re-read from the API.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Generation granularity; each tick emits the requests due since the previous one.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Latency of a healthy request is uniform in [0.5, 1.5) × this; SIM_LATENCY_MS is added on top.</summary>
    public TimeSpan BaseLatency { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Port of the /metrics endpoint on 127.0.0.1; 0 picks a free one (see <see cref="SimulatorHost.MetricsUri"/>).</summary>
    public int MetricsPort { get; init; }

    public int Seed { get; init; } = 1;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
