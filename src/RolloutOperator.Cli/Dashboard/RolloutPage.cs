using System.Text;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>One Rollout: summary, actions, traffic, step timeline, analyses, revisions and history. Everything below the heading is live.</summary>
internal static class RolloutPage
{
    public static string Render(ClusterCache cache, Rollout rollout, string token, string? notice, DateTimeOffset now)
    {
        var ns = rollout.Metadata.NamespaceProperty;
        var body = new StringBuilder();
        body.Append("<p class=\"crumbs\"><a href=\"/\">Rollouts</a> › ").Append(Html.E(ns)).Append("</p><h1>").Append(Html.E(rollout.Metadata.Name)).Append("</h1>");
        if (notice is not null)
        {
            body.Append("<p class=\"notice\" role=\"status\">").Append(Html.E(notice)).Append("</p>");
        }

        body.Append("<div id=\"live\">").Append(Fragment(cache, rollout, token, now)).Append("</div>");
        return Layout.Page(rollout.Metadata.Name, token, body.ToString(), $"/events/rollout/{Html.Seg(ns)}/{Html.Seg(rollout.Metadata.Name)}");
    }

    public static string Fragment(ClusterCache cache, Rollout rollout, string token, DateTimeOffset now)
    {
        var status = rollout.Status ?? new RolloutStatus();
        var deployments = cache.DeploymentsOf(rollout);
        var phase = RolloutFacts.Phase(rollout);
        var html = new StringBuilder("<section class=\"summary\" aria-label=\"Summary\"><dl>");
        Item(html, "Phase", PhaseBadge.Render(phase), "phase");
        Item(html, "Strategy", Html.E(RolloutFacts.Strategy(rollout)));
        Item(html, "Step", Html.E(RolloutFacts.Step(rollout)), "step");
        Item(html, "Stable", $"<code>{Html.E(status.StableRevision ?? "-")}</code> {Html.E(RolloutImages.Stable(rollout, deployments))}");
        Item(html, "Canary", $"<code>{Html.E(status.CanaryRevision ?? "-")}</code> {Html.E(RolloutImages.Canary(rollout, deployments))}");
        if (status.Abort is { } abort)
        {
            Item(html, "Aborted", Html.E($"{abort.Revision}: {abort.Reason} — {abort.Message}"), "abort wide");
        }
        else
        {
            Item(html, "Message", Html.E(status.Message ?? "-"), "message wide");
        }

        html.Append("</dl></section>");
        html.Append(ActionsPanel.Render(rollout, token));
        html.Append("<section aria-labelledby=\"traffic-h\"><h2 id=\"traffic-h\">Traffic</h2>").Append(TrafficBar.Render(rollout)).Append("</section>");
        html.Append("<section aria-labelledby=\"steps-h\"><h2 id=\"steps-h\">Steps</h2>").Append(StepTimeline.Render(rollout, cache, now)).Append("</section>");
        html.Append("<section aria-labelledby=\"analyses-h\"><h2 id=\"analyses-h\">Analyses</h2>").Append(Analyses(rollout)).Append("</section>");
        html.Append("<section aria-labelledby=\"revisions-h\"><h2 id=\"revisions-h\">Revisions</h2>").Append(RevisionsTable.Render(rollout, deployments, now)).Append("</section>");
        return html.ToString();
    }

    private static void Item(StringBuilder html, string term, string valueHtml, string? id = null) =>
        html.Append("<div").Append(id is null ? "" : $" data-field=\"{id.Split(' ')[0]}\" class=\"{id}\"").Append("><dt>").Append(term).Append("</dt><dd>").Append(valueHtml).Append("</dd></div>");

    private static string Analyses(Rollout rollout)
    {
        var runs = rollout.Status?.Analyses ?? [];
        var link = Html.RolloutPath(rollout.Metadata.NamespaceProperty, rollout.Metadata.Name) + "/analysis";
        if (runs.Count == 0)
        {
            return "<p class=\"muted\">No analysis has run for the current revision.</p>";
        }

        var html = new StringBuilder("<ul class=\"runs\">");
        foreach (var run in runs)
        {
            html.Append("<li>").Append(PhaseBadge.Render(run.Phase.ToString())).Append(" <strong>").Append(Html.E(run.Key)).Append("</strong> ")
                .Append(Html.E(string.Join(", ", run.Metrics.Select(m => $"{m.Name} {m.Phase} ({m.Successful}✔ {m.Failed}✕)")))).Append("</li>");
        }

        return html.Append("</ul><p><a href=\"").Append(link).Append("\">Charts of every measurement →</a></p>").ToString();
    }
}
