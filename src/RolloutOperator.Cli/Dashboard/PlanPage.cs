using System.Globalization;
using System.Text;
using RolloutOperator.Cli.Commands;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Manifests;
using RolloutOperator.Cli.Planning;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Paste or upload a manifest and see the offline timeline: the same lint and planner as `plan`.</summary>
internal static class PlanPage
{
    /// <summary>A manifest larger than this is refused before it is parsed (the YAML reader bounds nodes and nesting on top).</summary>
    public const int MaxManifestBytes = 512 * 1024;

    public static string Render(string token, string manifest, string? resultHtml)
    {
        var body = new StringBuilder("<h1>Plan a Rollout</h1><p>Paste or upload Rollout and AnalysisTemplate manifests (YAML or JSON, up to ")
            .Append(MaxManifestBytes / 1024).Append(" KiB). Nothing is sent to the cluster: this is <code>kubectl rollout-operator plan</code>.</p>");
        body.Append("<form class=\"plan\" method=\"post\" action=\"/plan\" enctype=\"multipart/form-data\">").Append(ActionsPanel.Hidden("token", token));
        body.Append("<label for=\"manifest\">Manifest</label><textarea id=\"manifest\" name=\"manifest\" rows=\"14\" spellcheck=\"false\">")
            .Append(Html.E(manifest)).Append("</textarea>");
        body.Append("<label for=\"file\">or upload a file</label><input id=\"file\" name=\"file\" type=\"file\" accept=\".yaml,.yml,.json,text/yaml,application/json\">");
        body.Append("<button type=\"submit\">Show the timeline</button></form>");
        if (resultHtml is not null)
        {
            body.Append("<section id=\"plan-result\" aria-live=\"polite\">").Append(resultHtml).Append("</section>");
        }

        return Layout.Page("Plan", token, body.ToString());
    }

    public static string Result(string manifest)
    {
        try
        {
            var (findings, timelines) = PlanCommand.Plan(ManifestReader.Parse("manifest", manifest));
            if (findings.Count > 0)
            {
                return "<h2>Problems</h2><ul class=\"findings\" role=\"alert\">"
                    + string.Concat(findings.Select(f => $"<li><code>{Html.E(f.Document)}</code> <code>{Html.E(f.Path)}</code>: {Html.E(f.Message)}</li>")) + "</ul>";
            }

            return string.Concat(timelines.Select(Timeline));
        }
        catch (CliException e)
        {
            return $"<p class=\"error\" role=\"alert\">{Html.E(e.Message)}</p>";
        }
    }

    private static string Timeline(RolloutTimeline plan)
    {
        var strategy = plan.Strategy == "Canary" ? $"Canary ({plan.TrafficRouter ?? "replica ratio"})" : plan.Strategy;
        var html = new StringBuilder("<article class=\"timeline-plan\"><h2>Rollout ").Append(Html.E(plan.Rollout)).Append("</h2><p>Revision <code>")
            .Append(Html.E(plan.Revision)).Append("</code>, ").Append(Html.E(strategy)).Append(", ").Append(plan.Replicas).Append(" replicas. Duration: min ")
            .Append(Html.E(plan.MinDuration)).Append(", max ").Append(Html.E(plan.MaxDuration)).Append(".</p>");
        html.Append("<table class=\"plan-steps\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Action</th><th scope=\"col\">Weight</th><th scope=\"col\">Stable pods</th>"
            + "<th scope=\"col\">Canary pods</th><th scope=\"col\">Pause</th><th scope=\"col\">Analysis</th><th scope=\"col\">Min</th><th scope=\"col\">Max</th></tr></thead><tbody>");
        foreach (var s in plan.Stages)
        {
            var analysis = string.Join(", ", s.Analysis?.Metrics.Select(m => m.Name) ?? []) + (s.BackgroundAnalysis ? " (background)" : "");
            html.Append("<tr><td data-label=\"#\">").Append(s.Number.ToString(CultureInfo.InvariantCulture)).Append("</td><td data-label=\"Action\">").Append(Html.E(s.Action))
                .Append(s.HeaderRoutes.Count > 0 ? Html.E($" [routes: {string.Join(", ", s.HeaderRoutes)}]") : "")
                .Append(FormattableString.Invariant($"</td><td data-label=\"Weight\"><meter min=\"0\" max=\"100\" value=\"{s.Weight}\"></meter> {s.Weight}%</td>"))
                .Append(FormattableString.Invariant($"<td data-label=\"Stable pods\">{s.StableReplicas}</td><td data-label=\"Canary pods\">{s.CanaryReplicas}</td>"))
                .Append("<td data-label=\"Pause\">").Append(Html.E(s.Pause ?? "")).Append("</td><td data-label=\"Analysis\">").Append(Html.E(analysis))
                .Append("</td><td data-label=\"Min\">").Append(Html.E(s.Min)).Append("</td><td data-label=\"Max\">").Append(Html.E(s.Max)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var analysis in plan.Stages.Select(s => s.Analysis).Append(plan.BackgroundAnalysis).OfType<PlanAnalysis>())
        {
            html.Append("<h3>Analysis ").Append(Html.E(analysis.Key)).Append("</h3><ul>");
            foreach (var m in analysis.Metrics)
            {
                var count = m.Count is { } c ? c.ToString(CultureInfo.InvariantCulture) : "until promotion";
                html.Append("<li><strong>").Append(Html.E(m.Name)).Append("</strong>: ")
                    .Append(Html.E($"every {m.Interval}, count {count}, initial delay {m.InitialDelay}, failureLimit {m.FailureLimit}, no data: {m.NoData}"))
                    .Append("<details><summary>Rendered query</summary><pre><code>").Append(Html.E(m.Query)).Append("</code></pre></details></li>");
            }

            html.Append("</ul>");
        }

        html.Append("<ul class=\"notes\">").Append(string.Concat(plan.Notes.Select(n => $"<li>{Html.E(n)}</li>"))).Append("</ul></article>");
        return html.ToString();
    }
}
