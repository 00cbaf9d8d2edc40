using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Web;

/// <summary>Operator-wide limits of web metrics; the hosts come from --outbound-allowed-hosts.</summary>
public sealed class WebProviderOptions
{
    /// <summary>Checked again on the rendered URL, although the parser already refused other hosts.</summary>
    public HostAllowList AllowedHosts { get; set; } = HostAllowList.All;

    /// <summary>Cap on a metric's timeout, below the reconcile's measurement budget.</summary>
    public TimeSpan MaxTimeout { get; set; } = Analysis.MeasurementBudget.ForQuery(TimeSpan.FromMinutes(1));

    /// <summary>Largest response body read; a bigger one is an error measurement.</summary>
    public long MaxResponseBytes { get; set; } = 1024 * 1024;
}
