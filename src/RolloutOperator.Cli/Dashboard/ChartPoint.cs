using System.Globalization;
using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>One measurement as the chart plots it: its numbers (none for no data and errors) and its verdict.</summary>
internal sealed partial record ChartPoint(DateTimeOffset At, IReadOnlyList<double> Values, AnalysisPhase Phase, bool NoData, string Text)
{
    public static ChartPoint From(Measurement m)
    {
        var values = Numbers().Matches(m.Value ?? "")
            .Select(x => double.TryParse(x.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
            .Where(double.IsFinite).ToList();
        var text = m.NoData == true ? "no data" : m.Phase == AnalysisPhase.Error ? "error" + (m.Message is null ? "" : ": " + m.Message) : m.Value ?? "-";
        return new ChartPoint(m.At, values, m.Phase, m.NoData == true, text);
    }

    /// <summary>No data and errors have no value to plot: they sit in a marked band under the axis.</summary>
    public bool InBand => NoData || Values.Count == 0;

    [GeneratedRegex(@"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Numbers();
}
