using System.Text;
using k8s.Models;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Revisions with their roles and Deployments (ready/desired pods, images), then the revision history.</summary>
internal static class RevisionsTable
{
    public static string Render(Rollout rollout, IReadOnlyList<V1Deployment> deployments, DateTimeOffset now)
    {
        var status = rollout.Status ?? new RolloutStatus();
        var revisions = new[] { status.CanaryRevision, status.StableRevision, status.BlueGreen?.ActiveRevision, status.Abort?.Revision }
            .Concat(deployments.Select(RolloutFacts.Revision))
            .OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var html = new StringBuilder("<table class=\"revisions\"><caption>Revisions</caption><thead><tr><th scope=\"col\">Revision</th><th scope=\"col\">Role</th>"
            + "<th scope=\"col\">Deployment</th><th scope=\"col\">Pods ready</th><th scope=\"col\">Images</th></tr></thead><tbody>");
        foreach (var revision in revisions)
        {
            var ds = deployments.Where(d => RolloutFacts.Revision(d) == revision).ToList();
            var role = Roles(revision, rollout, status, now);
            if (ds.Count == 0)
            {
                html.Append("<tr><th scope=\"row\" data-label=\"Revision\"><code>").Append(Html.E(revision)).Append("</code></th><td data-label=\"Role\">")
                    .Append(Html.E(role)).Append("</td><td data-label=\"Deployment\">-</td><td data-label=\"Pods ready\">-</td><td data-label=\"Images\">-</td></tr>");
            }

            foreach (var d in ds)
            {
                var desired = d.Spec?.Replicas ?? 0;
                var ready = d.Status?.ReadyReplicas ?? 0;
                html.Append("<tr><th scope=\"row\" data-label=\"Revision\"><code>").Append(Html.E(revision)).Append("</code></th><td data-label=\"Role\">")
                    .Append(Html.E(role)).Append("</td><td data-label=\"Deployment\">").Append(Html.E(d.Metadata.Name))
                    .Append("</td><td data-label=\"Pods ready\"><meter min=\"0\" max=\"").Append(Math.Max(desired, 1)).Append("\" value=\"").Append(ready).Append("\"></meter> ")
                    .Append(ready).Append('/').Append(desired).Append(" ready</td><td data-label=\"Images\">").Append(Html.E(RolloutFacts.Images(d))).Append("</td></tr>");
            }
        }

        return html.Append("</tbody></table>").Append(History(status)).ToString();
    }

    private static string Roles(string revision, Rollout rollout, RolloutStatus status, DateTimeOffset now)
    {
        var roles = new List<string>();
        if (revision == status.StableRevision)
        {
            roles.Add("stable");
        }

        if (revision == status.CanaryRevision && revision != status.StableRevision)
        {
            roles.Add(rollout.Spec.Strategy.BlueGreen is not null ? "preview" : "canary");
        }

        if (revision == status.BlueGreen?.ActiveRevision)
        {
            roles.Add("active");
        }

        if (revision == status.Abort?.Revision)
        {
            roles.Add("aborted");
        }

        if (status.ScaleDowns?.Find(s => s.Revision == revision) is { } scaleDown)
        {
            roles.Add(scaleDown.At > now ? "scales down in " + Planning.DurationText.Format(scaleDown.At - now) : "scale-down due");
        }

        return roles.Count == 0 ? "old" : string.Join(", ", roles);
    }

    private static string History(RolloutStatus status)
    {
        if (status.History is not { Count: > 0 } history)
        {
            return "<p class=\"muted\">No revision history yet.</p>";
        }

        var html = new StringBuilder("<table class=\"history\"><caption>History</caption><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Revision</th>"
            + "<th scope=\"col\">Outcome</th><th scope=\"col\">Details</th></tr></thead><tbody>");
        foreach (var entry in history)
        {
            var icon = entry.Outcome switch { RevisionOutcome.Promoted => "✔", RevisionOutcome.Aborted => "✖", RevisionOutcome.RolledBack => "↶", _ => "→" };
            html.Append("<tr><td data-label=\"When\">").Append(Html.E(Html.Time(entry.At))).Append("</td><td data-label=\"Revision\"><code>").Append(Html.E(entry.Revision))
                .Append("</code></td><td data-label=\"Outcome\" class=\"outcome-").Append(Html.E(entry.Outcome.ToString().ToLowerInvariant())).Append("\"><span aria-hidden=\"true\">")
                .Append(icon).Append("</span> ").Append(Html.E(entry.Outcome.ToString())).Append("</td><td data-label=\"Details\">").Append(Html.E(entry.Message)).Append("</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
