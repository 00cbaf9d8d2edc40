using System.Globalization;
using System.Text;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// A judge's latest judgement as pictures: per judged metric, the canary's and the control's distributions as two
/// horizontal box plots on one axis (whiskers p10–p90, box p25–p75, median line), with the classification as a shape and
/// a word, the p-value, the change and the sample counts. Title and description carry every number for screen readers.
/// </summary>
internal static class JudgeChart
{
    private const double Width = 640, Height = 150, Left = 190, Right = 30, BoxHeight = 22, CanaryY = 50, ControlY = 94, AxisY = 122;

    public static string Render(string id, JudgeStatus judge)
    {
        var control = judge.ControlRevision ?? "";
        var html = new StringBuilder("<div class=\"judge\"><p class=\"judge-score\">")
            .Append(Html.E($"Judge score {Num(judge.Score)} (pass {judge.PassScore}, marginal {judge.MarginalScore}) against control {control}"))
            .Append("</p>");
        var n = 0;
        foreach (var metric in judge.Metrics)
        {
            html.Append(Metric($"{id}-j{n++}", metric, control));
        }

        return html.Append("</div>").ToString();
    }

    private static string Metric(string id, JudgeMetricStatus m, string control)
    {
        var kind = m.Classification.ToString().ToLowerInvariant();
        var svg = new StringBuilder();
        svg.Append("<svg class=\"chart judge-chart\" viewBox=\"0 0 640 150\" role=\"img\" aria-labelledby=\"").Append(id).Append("-t ").Append(id).Append("-d\"")
            .Append(" data-judge-metric=\"").Append(Html.E(m.Name)).Append("\" data-classification=\"").Append(m.Classification).Append("\">");
        svg.Append("<title id=\"").Append(id).Append("-t\">").Append(Html.E($"{m.Name}: {m.Classification}, canary against control {control}")).Append("</title>");
        svg.Append("<desc id=\"").Append(id).Append("-d\">").Append(Html.E(Description(m, control))).Append("</desc>");
        svg.Append("<g class=\"judge-verdict judge-").Append(kind).Append("\">").Append(Shape(m.Classification, 14, 16)).Append("<text x=\"28\" y=\"21\">")
            .Append(Html.E(Headline(m))).Append("</text></g>");
        var (low, high) = Range(m.CanaryDistribution, m.ControlDistribution);
        double X(double v) => Left + ((v - low) / (high - low) * (Width - Left - Right));
        foreach (var tick in Ticks(low, high))
        {
            var x = X(tick);
            svg.Append(Inv($"<line class=\"grid\" x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"34\" y2=\"{AxisY - 8}\"/>"));
            svg.Append(Inv($"<text class=\"axis\" x=\"{x:0.#}\" y=\"{AxisY + 6}\" text-anchor=\"middle\">{Num(tick)}</text>"));
        }

        svg.Append(Row("canary", "canary", m.CanarySamples, m.CanaryDistribution, CanaryY, X));
        svg.Append(Row("control", $"control: {Short(control)}", m.ControlSamples, m.ControlDistribution, ControlY, X));
        svg.Append(Inv($"<text class=\"axis\" x=\"{Left}\" y=\"{Height - 6}\">p10–p90 whiskers · p25–p75 box · median line</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static string Row(string side, string label, int samples, JudgeDistribution? d, double y, Func<double, double> x)
    {
        var row = new StringBuilder("<g class=\"judge-side judge-").Append(side).Append("\" data-side=\"").Append(side).Append("\">");
        row.Append(Inv($"<text class=\"judge-label\" x=\"{Left - 10}\" y=\"{y}\" text-anchor=\"end\">")).Append(Html.E(label)).Append("</text>");
        row.Append(Inv($"<text class=\"axis judge-samples\" x=\"{Left - 10}\" y=\"{y + 13}\" text-anchor=\"end\">{samples} samples</text>"));
        if (d is null)
        {
            return row.Append(Inv($"<text class=\"axis\" x=\"{Left}\" y=\"{y + 4}\">no distribution</text></g>")).ToString();
        }

        var (top, bottom) = (y - (BoxHeight / 2), y + (BoxHeight / 2));
        row.Append("<title>").Append(Html.E(Quantiles(d))).Append("</title>");
        row.Append(Inv($"<line class=\"whisker\" x1=\"{x(d.P10):0.#}\" x2=\"{x(d.P90):0.#}\" y1=\"{y}\" y2=\"{y}\"/>"));
        foreach (var end in new[] { d.P10, d.P90 })
        {
            row.Append(Inv($"<line class=\"whisker\" x1=\"{x(end):0.#}\" x2=\"{x(end):0.#}\" y1=\"{top + 5}\" y2=\"{bottom - 5}\"/>"));
        }

        row.Append(Inv($"<rect class=\"box\" x=\"{x(d.P25):0.#}\" y=\"{top}\" width=\"{Math.Max(1, x(d.P75) - x(d.P25)):0.#}\" height=\"{BoxHeight}\"/>"));
        row.Append(Inv($"<line class=\"median\" x1=\"{x(d.P50):0.#}\" x2=\"{x(d.P50):0.#}\" y1=\"{top}\" y2=\"{bottom}\"/>"));
        return row.Append("</g>").ToString();
    }

    // The classification as a shape as well as a colour: circle Pass, triangle up High, triangle down Low, hollow square NoData.
    private static string Shape(JudgeClassification classification, double x, double y) => classification switch
    {
        JudgeClassification.High => Inv($"<path d=\"M{x},{y - 7} L{x + 7},{y + 6} L{x - 7},{y + 6} Z\"/>"),
        JudgeClassification.Low => Inv($"<path d=\"M{x},{y + 7} L{x + 7},{y - 6} L{x - 7},{y - 6} Z\"/>"),
        JudgeClassification.NoData => Inv($"<rect class=\"hollow\" x=\"{x - 6}\" y=\"{y - 6}\" width=\"12\" height=\"12\"/>"),
        _ => Inv($"<circle cx=\"{x}\" cy=\"{y}\" r=\"6\"/>"),
    };

    private static string Headline(JudgeMetricStatus m) =>
        $"{m.Name}: {m.Classification} · p {m.PValue ?? "–"} · change {m.Effect ?? "–"} · samples {m.CanarySamples} canary / {m.ControlSamples} control · weight {m.Weight}";

    private static string Description(JudgeMetricStatus m, string control)
    {
        var canary = m.CanaryDistribution is { } c ? Quantiles(c) : "no distribution";
        var baseline = m.ControlDistribution is { } b ? Quantiles(b) : "no distribution";
        return $"{Headline(m)}. Canary, {m.CanarySamples} samples: {canary}. Control {control}, {m.ControlSamples} samples: {baseline}."
            + (m.Message is null ? "" : " " + m.Message);
    }

    private static string Quantiles(JudgeDistribution d) =>
        $"p10 {Num(d.P10)}, p25 {Num(d.P25)}, median {Num(d.P50)}, p75 {Num(d.P75)}, p90 {Num(d.P90)}";

    private static (double Low, double High) Range(params JudgeDistribution?[] sides)
    {
        var values = sides.OfType<JudgeDistribution>().SelectMany(d => new[] { d.P10, d.P90 }).Where(double.IsFinite).ToList();
        if (values.Count == 0)
        {
            return (0, 1);
        }

        var (low, high) = (values.Min(), values.Max());
        var pad = high > low ? (high - low) * 0.05 : Math.Max(Math.Abs(high) * 0.1, 1e-9);
        return (low - pad, high + pad);
    }

    // Round ticks (1, 2, 2.5 or 5 times a power of ten) inside the range, about four of them: readable axis labels.
    private static IEnumerable<double> Ticks(double low, double high)
    {
        var raw = (high - low) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var f = raw / magnitude;
        var step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * magnitude;
        // At most a dozen: a hostile status can hold numbers so large that adding one step no longer changes them.
        var first = Math.Ceiling(low / step);
        for (var i = 0; i < 12 && (first + i) * step <= high; i++)
        {
            yield return (first + i) * step;
        }
    }

    // Revision labels are short hashes, but a baseline's carries a suffix: keep the label column readable.
    private static string Short(string revision) => revision.Length <= 16 ? revision : revision[..15] + "…";

    private static string Num(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString value) => FormattableString.Invariant(value);
}
