using System.Globalization;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Rendering;

/// <summary>How `get` shows SLO burn rates and the error budget.</summary>
internal static class SloText
{
    public static string Measurement(SloMeasurement slo)
    {
        var stable = slo.StableLongBurnRate is { } l && slo.StableShortBurnRate is { } s ? $"{N(l)} / {N(s)}" : "no data";
        var text = $"burn rate (long/short {slo.Windows}): canary {N(slo.CanaryLongBurnRate)} / {N(slo.CanaryShortBurnRate)}, stable {stable}, threshold {N(slo.Threshold)}; budget consumed by the canary {N(slo.BudgetConsumedPercent)}%";
        return slo.StableBurning == true ? text + "; STABLE IS BURNING" : text;
    }

    public static string Budget(ErrorBudgetStatus budget)
    {
        var remaining = budget.RemainingPercent is { } r ? $"{N(r)}% remaining" : "unknown";
        var errors = budget.ConsecutiveErrors is > 0 ? $" ({budget.ConsecutiveErrors} failed measurements in a row: {budget.Message})" : "";
        var admitted = budget.AdmittedRevision is { } a ? $", admitted {a}" : "";
        var fix = budget.FixRevision is { } f ? $", fix {f}" : "";
        return remaining + errors + admitted + fix;
    }

    private static string N(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "-";
}
