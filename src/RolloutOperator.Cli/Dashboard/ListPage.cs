using System.Text;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Every Rollout in scope: phase, step, weight, images, age. The table is the live fragment pushed over SSE.</summary>
internal static class ListPage
{
    public static string Render(ClusterCache cache, ListFilter filter, string token, DateTimeOffset now)
    {
        var body = new StringBuilder();
        body.Append("<h1>Rollouts</h1>");
        body.Append("<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\">");
        if (cache.Namespace is null)
        {
            body.Append("<label>Namespace <select name=\"ns\"><option value=\"\">all</option>");
            foreach (var ns in cache.Rollouts.List().Select(r => r.Metadata.NamespaceProperty ?? "").Distinct().Order(StringComparer.Ordinal))
            {
                body.Append("<option").Append(ns == filter.Namespace ? " selected" : "").Append('>').Append(Html.E(ns)).Append("</option>");
            }

            body.Append("</select></label>");
        }
        else
        {
            body.Append("<p>Namespace <strong>").Append(Html.E(cache.Namespace)).Append("</strong></p>");
        }

        body.Append("<label>Search <input type=\"search\" name=\"q\" id=\"search\" value=\"").Append(Html.E(filter.Search))
            .Append("\" placeholder=\"name, image, phase\" autocomplete=\"off\"></label><button type=\"submit\">Filter</button></form>");
        body.Append("<div id=\"live\">").Append(Fragment(cache, filter, now)).Append("</div>");
        return Layout.Page("Rollouts", token, body.ToString(), "/events/list?" + filter.Query);
    }

    public static string Fragment(ClusterCache cache, ListFilter filter, DateTimeOffset now)
    {
        var rows = new StringBuilder();
        var count = 0;
        foreach (var rollout in cache.Rollouts.List().OrderBy(r => r.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal))
        {
            var deployments = cache.DeploymentsOf(rollout);
            var phase = RolloutFacts.Phase(rollout);
            var stable = RolloutImages.Stable(rollout, deployments);
            var canary = RolloutImages.Canary(rollout, deployments);
            var search = string.Join(' ', rollout.Metadata.NamespaceProperty, rollout.Metadata.Name, phase, stable, canary, RolloutFacts.Strategy(rollout));
            if (!filter.Matches(rollout.Metadata.NamespaceProperty, search))
            {
                continue;
            }

            count++;
            rows.Append("<tr data-search=\"").Append(Html.E(search.ToLowerInvariant())).Append("\" data-rollout=\"")
                .Append(Html.E($"{rollout.Metadata.NamespaceProperty}/{rollout.Metadata.Name}")).Append("\">");
            rows.Append("<td data-label=\"Namespace\">").Append(Html.E(rollout.Metadata.NamespaceProperty)).Append("</td>");
            rows.Append("<th scope=\"row\" data-label=\"Name\"><a href=\"").Append(Html.RolloutPath(rollout.Metadata.NamespaceProperty, rollout.Metadata.Name))
                .Append("\">").Append(Html.E(rollout.Metadata.Name)).Append("</a></th>");
            rows.Append("<td data-label=\"Phase\" class=\"phase\">").Append(PhaseBadge.Render(phase)).Append("</td>");
            rows.Append("<td data-label=\"Step\" class=\"step\">").Append(Html.E(RolloutFacts.Step(rollout))).Append("</td>");
            rows.Append("<td data-label=\"Weight\" class=\"weight\">").Append(Html.E(Weight(rollout))).Append("</td>");
            rows.Append("<td data-label=\"Stable\" class=\"image\">").Append(Html.E(stable)).Append("</td>");
            rows.Append("<td data-label=\"Canary\" class=\"image\">").Append(Html.E(canary)).Append("</td>");
            rows.Append("<td data-label=\"Age\">").Append(Html.E(RolloutFacts.Age(rollout.Metadata.CreationTimestamp, now))).Append("</td></tr>");
        }

        if (count == 0)
        {
            return "<p class=\"empty\">No Rollouts match.</p>";
        }

        return "<table class=\"rollouts\"><caption>" + count + (count == 1 ? " Rollout" : " Rollouts") + "</caption><thead><tr>"
            + "<th scope=\"col\">Namespace</th><th scope=\"col\">Name</th><th scope=\"col\">Phase</th><th scope=\"col\">Step</th>"
            + "<th scope=\"col\">Weight</th><th scope=\"col\">Stable image</th><th scope=\"col\">Canary image</th><th scope=\"col\">Age</th>"
            + "</tr></thead><tbody>" + rows + "</tbody></table>";
    }

    private static string Weight(Rollout rollout) => rollout.Status?.Traffic is { } t
        ? FormattableString.Invariant($"{t.DesiredWeight}%") + (t.ObservedWeight is { } o && o != t.DesiredWeight ? FormattableString.Invariant($" (observed {o}%)") : "")
        : "-";
}
