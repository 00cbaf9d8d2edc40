using System.Text;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// An SVG chart of one metric's measurements over time, drawn here: thresholds as labelled dashed lines, each point's
/// verdict as a shape (circle passed, cross failed, diamond inconclusive, square no data, triangle error) as well as a
/// colour, and a tooltip per point. The table next to it carries the same facts for screen readers.
/// </summary>
internal static class MetricChart
{
    private const double Width = 640, Height = 230, Left = 60, Right = 16, Top = 14, Bottom = 206, Band = 190;

    public static string Render(string id, MetricStatus metric, IReadOnlyList<Threshold> thresholds)
    {
        var points = metric.Measurements.Select(ChartPoint.From).OrderBy(p => p.At).ToList();
        var (low, high) = Range(points.SelectMany(p => p.Values).Concat(thresholds.Select(t => t.Value)).ToList());
        var (from, to) = points.Count == 0 ? (DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1)) : (points[0].At, points[^1].At);
        if (to <= from)
        {
            (from, to) = (from.AddSeconds(-30), to.AddSeconds(30));
        }

        double X(DateTimeOffset at) => Left + ((at - from).TotalSeconds / (to - from).TotalSeconds * (Width - Left - Right));
        double Y(double v) => Top + ((high - v) / (high - low) * (Band - 16 - Top));
        var failed = points.Count(p => p.Phase == AnalysisPhase.Failed);
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart\" viewBox=\"0 0 640 230\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t\" data-metric=\"").Append(Html.E(metric.Name)).Append("\">");
        svg.Append("<title id=\"").Append(id).Append("-t\">").Append(Html.E($"{metric.Name}: {points.Count} measurements, {failed} failed, phase {metric.Phase}")).Append("</title>");
        for (var i = 0; i <= 4; i++)
        {
            var v = low + ((high - low) * i / 4);
            svg.Append(FormattableString.Invariant($"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\"/>"));
            svg.Append(FormattableString.Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{Html.N(v)}</text>"));
        }

        foreach (var t in thresholds)
        {
            svg.Append(FormattableString.Invariant($"<line class=\"threshold threshold-{t.Kind}\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(t.Value):0.#}\" y2=\"{Y(t.Value):0.#}\"/>"));
            svg.Append(FormattableString.Invariant($"<text class=\"threshold-label threshold-{t.Kind}\" x=\"{Width - Right - 4}\" y=\"{Y(t.Value) - 4:0.#}\" text-anchor=\"end\">{Html.E(t.Label)}</text>"));
        }

        svg.Append(FormattableString.Invariant($"<rect class=\"band\" x=\"{Left}\" y=\"{Band - 8}\" width=\"{Width - Left - Right}\" height=\"16\"/>"));
        svg.Append(FormattableString.Invariant($"<text class=\"axis\" x=\"{Left - 6}\" y=\"{Band + 4}\" text-anchor=\"end\">no value</text>"));
        var line = string.Join(" ", points.Where(p => !p.InBand).Select(p => FormattableString.Invariant($"{X(p.At):0.#},{Y(p.Values[0]):0.#}")));
        if (line.Length > 0)
        {
            svg.Append("<polyline class=\"series\" points=\"").Append(line).Append("\"/>");
        }

        foreach (var p in points)
        {
            foreach (var y in p.InBand ? [Band] : p.Values.Select(Y))
            {
                svg.Append(Point(p, X(p.At), y));
            }
        }

        svg.Append(FormattableString.Invariant($"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 6}\">{Html.Clock(from)}</text>"));
        svg.Append(FormattableString.Invariant($"<text class=\"axis\" x=\"{Width - Right}\" y=\"{Height - 6}\" text-anchor=\"end\">{Html.Clock(to)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Point(ChartPoint p, double x, double y)
    {
        var (kind, shape) = p switch
        {
            { NoData: true } => ("nodata", FormattableString.Invariant($"<rect x=\"{x - 5:0.#}\" y=\"{y - 5:0.#}\" width=\"10\" height=\"10\"/>")),
            { Phase: AnalysisPhase.Error } => ("error", FormattableString.Invariant($"<path d=\"M{x:0.#},{y - 6:0.#} L{x + 6:0.#},{y + 5:0.#} L{x - 6:0.#},{y + 5:0.#} Z\"/>")),
            { Phase: AnalysisPhase.Failed } => ("failed", FormattableString.Invariant($"<path d=\"M{x - 5:0.#},{y - 5:0.#} L{x + 5:0.#},{y + 5:0.#} M{x + 5:0.#},{y - 5:0.#} L{x - 5:0.#},{y + 5:0.#}\"/>")),
            { Phase: AnalysisPhase.Inconclusive } => ("inconclusive", FormattableString.Invariant($"<path d=\"M{x:0.#},{y - 6:0.#} L{x + 6:0.#},{y:0.#} L{x:0.#},{y + 6:0.#} L{x - 6:0.#},{y:0.#} Z\"/>")),
            _ => ("successful", FormattableString.Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5\"/>")),
        };
        return $"<g class=\"point point-{kind}\" data-phase=\"{p.Phase}\" data-value=\"{Html.E(p.Text)}\"><title>{Html.E($"{Html.Clock(p.At)} {p.Phase}: {p.Text}")}</title>{shape}</g>";
    }

    private static (double Low, double High) Range(List<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 1);
        }

        var (low, high) = (values.Min(), values.Max());
        var pad = high > low ? (high - low) * 0.1 : Math.Max(Math.Abs(high) * 0.1, 1);
        return (low - pad, high + pad);
    }
}
