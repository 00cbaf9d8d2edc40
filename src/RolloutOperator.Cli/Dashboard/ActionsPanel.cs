using System.Text;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// Plain forms, one per action, so they work from the keyboard and without script. The script turns the submit into a
/// dialog naming the revision; without script the server answers with a confirmation page instead.
/// </summary>
internal static class ActionsPanel
{
    public static string Render(Rollout rollout, string token)
    {
        var html = new StringBuilder("<section class=\"actions\" aria-labelledby=\"actions-h\"><h2 id=\"actions-h\">Actions</h2><div class=\"buttons\">");
        foreach (var action in DashboardAction.All)
        {
            var revision = action.Revision(rollout);
            html.Append("<form method=\"post\" action=\"").Append(Html.RolloutPath(rollout.Metadata.NamespaceProperty, rollout.Metadata.Name))
                .Append("/actions/").Append(action.Name).Append('"');
            if (revision is not null)
            {
                html.Append(" data-confirm=\"").Append(Html.E(action.Confirmation(rollout, revision))).Append('"');
            }

            html.Append('>').Append(Hidden("token", token)).Append(Hidden("revision", revision ?? ""));
            html.Append("<button type=\"submit\" class=\"action-").Append(action.Name).Append(action.SpecEdit ? " spec-edit" : "").Append("\" name=\"action\" value=\"")
                .Append(action.Name).Append('"');
            html.Append(revision is null ? $" disabled title=\"{Html.E(action.WhyNot)}\">" : $" title=\"{Html.E(action.Label)} revision {Html.E(revision)}\">");
            html.Append(Html.E(action.Label)).Append("</button></form>");
        }

        return html.Append("</div><p class=\"muted\">Commands apply to the revision shown in their confirmation; restart and undo edit the spec. ")
            .Append(Html.E(DashboardAction.GitWarning)).Append("</p></section>").ToString();
    }

    public static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{Html.E(value)}\">";
}
