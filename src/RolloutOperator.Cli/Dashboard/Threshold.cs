using System.Globalization;
using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// A line to draw on a metric's chart: a thresholdRange bound, or a condition of the simple form `result OP number`.
/// Other expressions are shown as text only; drawing a guess would mislead.
/// </summary>
internal sealed partial record Threshold(string Kind, double Value, string Label)
{
    public static IReadOnlyList<Threshold> Of(Metric? metric)
    {
        var lines = new List<Threshold>();
        if (metric is null)
        {
            return lines;
        }

        if (metric.ThresholdRange?.Min is { } min)
        {
            lines.Add(new("success", min, "min " + Html.N(min)));
        }

        if (metric.ThresholdRange?.Max is { } max)
        {
            lines.Add(new("success", max, "max " + Html.N(max)));
        }

        Add(lines, "success", metric.SuccessCondition);
        Add(lines, "failure", metric.FailureCondition);
        return lines;
    }

    private static void Add(List<Threshold> lines, string kind, string? condition)
    {
        if (condition is not null && Simple().Match(condition) is { Success: true } m
            && double.TryParse(m.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            lines.Add(new(kind, value, $"{kind}: result {m.Groups[1].Value} {Html.N(value)}"));
        }
    }

    [GeneratedRegex(@"^\s*result(?:\[0\])?\s*(<=|>=|<|>|==)\s*(-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Simple();
}
