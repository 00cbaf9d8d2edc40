using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>The confirmation for browsers without script: what will happen to which revision, and a button that really does it.</summary>
internal static class ConfirmPage
{
    public static string Render(string token, DashboardAction action, Rollout rollout, string revision, string back)
    {
        var current = action.Revision(rollout);
        var text = current is null ? $"{action.Label} has nothing to act on: {action.WhyNot}." : action.Confirmation(rollout, current);
        var form = current is null ? "" :
            $"<form method=\"post\" action=\"{back}/actions/{action.Name}\">{ActionsPanel.Hidden("token", token)}{ActionsPanel.Hidden("revision", current)}"
            + $"{ActionsPanel.Hidden("confirmed", "yes")}<button type=\"submit\" class=\"danger\">{Html.E(action.Label)} revision {Html.E(current)}</button></form>";
        var changed = current is not null && current != revision && revision.Length > 0
            ? $"<p class=\"error\">The page showed revision {Html.E(revision)}; the Rollout has moved on to {Html.E(current)}.</p>"
            : "";
        return Layout.Page("Confirm", token, $"<h1>Confirm</h1>{changed}<p>{Html.E(text)}</p>{form}<p><a href=\"{back}\">Cancel</a></p>");
    }
}
