using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Outbound;

/// <summary>
/// Operator-wide rules for every address a namespaced object names (webhook gates, web metrics, notification sinks).
/// The same allow-list is given to the parser (<see cref="ProviderPolicy.OutboundHosts"/>), so a refused host is an
/// InvalidSpec at its field; the client checks it again before it connects.
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>Hosts (host or host:port) outbound requests may reach. Empty: all hosts.</summary>
    public HostAllowList AllowedHosts { get; set; } = HostAllowList.All;

    /// <summary>Whole-request budget (all attempts) when the caller sets no timeout.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Cap on any request's timeout, below the reconcile timeout so a slow endpoint is recorded, not cancelled.</summary>
    public TimeSpan MaxTimeout { get; set; } = MeasurementBudget.ForQuery(TimeSpan.FromMinutes(1));

    /// <summary>Largest response body read; a bigger one is an error rather than unbounded memory.</summary>
    public long MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Extra attempts after a transient failure (connection failure, 429, 502, 503, 504) within one request.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubled per attempt and jittered by ±50%.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
