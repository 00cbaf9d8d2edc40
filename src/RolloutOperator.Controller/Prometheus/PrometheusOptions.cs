using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>Operator-wide Prometheus settings; a metric's own address and timeout override the defaults.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Used by metrics that name no address. Without it such a metric measures an error.</summary>
    public Uri? DefaultAddress { get; set; }

    /// <summary>Whole-measurement budget (all attempts) when a metric sets no timeout.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Cap on any metric's timeout, below the reconcile timeout (see <see cref="Analysis.MeasurementBudget.ForQuery"/>): a
    /// query allowed to outlive the reconcile would be cancelled instead of recorded as an Error measurement.
    /// </summary>
    public TimeSpan MaxTimeout { get; set; } = Analysis.MeasurementBudget.ForQuery(TimeSpan.FromMinutes(1));

    /// <summary>Extra attempts after a transient failure (connection failure, 502, 503, 504) within one measurement.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubled per attempt and jittered by ±50%.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Consecutive failed measurements against one address that open its circuit.</summary>
    public int BreakerFailureThreshold { get; set; } = 5;

    /// <summary>How long an open circuit answers with an error at once before letting one trial query through.</summary>
    public TimeSpan BreakerOpenDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Distinct (address, TLS settings) clients kept; the least recently used is dropped beyond this.</summary>
    public int MaxCachedClients { get; set; } = 32;

    /// <summary>Largest response body accepted; a bigger one is an error rather than unbounded memory.</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Directories that ClusterAnalysisTemplates may read bearer-token and CA files from (checked again on the real path,
    /// after symbolic links, before a file is opened). Empty, the default: no file is ever read.
    /// </summary>
    public IReadOnlyList<string> CredentialFileDirectories { get; set; } = [];

    /// <summary>Hosts a metric's own address may name; the default address is always allowed. Empty: all hosts.</summary>
    public HostAllowList AllowedHosts { get; set; } = HostAllowList.All;

    /// <summary>The same rules for the parser, so a refused file or host is an InvalidSpec at its field.</summary>
    public ProviderPolicy Policy => new(CredentialFileDirectories, AllowedHosts);
}
