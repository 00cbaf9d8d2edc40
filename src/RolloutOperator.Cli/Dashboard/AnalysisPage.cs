using System.Text;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Every analysis of the Rollout: per metric a chart with thresholds, the rendered query one click away, and the measurements as a table.</summary>
internal static class AnalysisPage
{
    public const string Legend = "<p class=\"legend\">Points: <span class=\"l-successful\">● passed</span> <span class=\"l-failed\">✕ failed</span> "
        + "<span class=\"l-inconclusive\">◆ inconclusive</span> <span class=\"l-nodata\">■ no data</span> <span class=\"l-error\">▲ error</span>; "
        + "dashed lines are the success and failure thresholds.</p>";

    public static string Render(ClusterCache cache, Rollout rollout, string token)
    {
        var ns = rollout.Metadata.NamespaceProperty;
        var path = Html.RolloutPath(ns, rollout.Metadata.Name);
        var body = $"<p class=\"crumbs\"><a href=\"/\">Rollouts</a> › <a href=\"{path}\">{Html.E($"{ns}/{rollout.Metadata.Name}")}</a> › Analysis</p>"
            + $"<h1>Analysis of {Html.E(rollout.Metadata.Name)}</h1>{Legend}<div id=\"live\">{Fragment(cache, rollout)}</div>";
        return Layout.Page($"Analysis {rollout.Metadata.Name}", token, body, $"/events/analysis/{Html.Seg(ns)}/{Html.Seg(rollout.Metadata.Name)}");
    }

    public static string Fragment(ClusterCache cache, Rollout rollout)
    {
        var runs = rollout.Status?.Analyses ?? [];
        if (runs.Count == 0)
        {
            return "<p class=\"empty\">No analysis has run for the current revision.</p>";
        }

        var html = new StringBuilder();
        var n = 0;
        foreach (var run in runs)
        {
            html.Append("<section class=\"analysis\" data-key=\"").Append(Html.E(run.Key)).Append("\"><h2>").Append(Html.E(run.Key)).Append(' ')
                .Append(PhaseBadge.Render(run.Phase.ToString())).Append("</h2><p class=\"muted\">Revision <code>").Append(Html.E(run.Revision))
                .Append("</code>, started ").Append(Html.E(Html.Time(run.StartedAt))).Append(run.Message is null ? "" : " · " + Html.E(run.Message)).Append("</p>");
            foreach (var metric in run.Metrics)
            {
                html.Append(Metric(cache, rollout, metric, $"c{n++}"));
            }

            html.Append("</section>");
        }

        return html.ToString();
    }

    private static string Metric(ClusterCache cache, Rollout rollout, MetricStatus metric, string id)
    {
        var definition = MetricDefinitions.Find(cache, rollout, metric.Name);
        var html = new StringBuilder("<article class=\"metric\"><h3>").Append(Html.E(metric.Name)).Append(' ').Append(PhaseBadge.Render(metric.Phase.ToString())).Append("</h3>");
        html.Append("<p class=\"counts\">").Append(Html.E($"✔ {metric.Successful} passed · ✕ {metric.Failed} failed · ◆ {metric.Inconclusive} inconclusive · ▲ {metric.Error} errors"));
        if (definition is not null)
        {
            html.Append(Html.E(Conditions(definition)));
        }

        html.Append(metric.Message is null ? "" : "<br>" + Html.E(metric.Message)).Append("</p>");
        html.Append(MetricChart.Render(id, metric, Threshold.Of(definition)));
        if (metric.Judge is { } judge)
        {
            html.Append(JudgeChart.Render(id, judge));
        }

        var query = metric.Measurements.LastOrDefault(m => m.Query is not null)?.Query ?? definition?.Provider.Prometheus?.Query;
        if (query is not null)
        {
            html.Append("<details class=\"query\"><summary>Rendered query</summary><pre><code>").Append(Html.E(query)).Append("</code></pre></details>");
        }

        html.Append("<details class=\"measurements\"><summary>Measurements (").Append(metric.Measurements.Count)
            .Append(")</summary><table><thead><tr><th scope=\"col\">At</th><th scope=\"col\">Verdict</th><th scope=\"col\">Value</th></tr></thead><tbody>");
        foreach (var m in metric.Measurements)
        {
            var p = ChartPoint.From(m);
            html.Append("<tr><td>").Append(Html.E(Html.Time(m.At))).Append("</td><td>").Append(Html.E(m.Phase.ToString())).Append("</td><td>").Append(Html.E(p.Text)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></details></article>").ToString();
    }

    private static string Conditions(Metric metric)
    {
        var parts = new List<string>();
        if (metric.SuccessCondition is { } success)
        {
            parts.Add("success when " + success);
        }

        if (metric.FailureCondition is { } failure)
        {
            parts.Add("failure when " + failure);
        }

        if (metric.ThresholdRange is { } range)
        {
            parts.Add($"range [{(range.Min is { } min ? Html.N(min) : "-∞")}, {(range.Max is { } max ? Html.N(max) : "+∞")}]");
        }

        parts.Add("no data: " + (metric.NoDataPolicy?.ToString() ?? "Retry"));
        return " · " + string.Join(" · ", parts);
    }
}
