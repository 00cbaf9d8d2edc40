using System.Text;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>The page shell: skip link, navigation, live status, the anti-CSRF token for the script, stylesheet and script.</summary>
internal static class Layout
{
    public static string Page(string title, string token, string body, string? liveSource = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<meta name=\"color-scheme\" content=\"light dark\">");
        html.Append("<meta name=\"csrf-token\" content=\"").Append(Html.E(token)).Append("\">");
        html.Append("<title>").Append(Html.E(title)).Append(" · rollout-operator</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">");
        html.Append("<script src=\"/assets/dashboard.js\" defer></script></head><body>");
        html.Append("<a class=\"skip\" href=\"#main\">Skip to content</a>");
        html.Append("<header class=\"top\"><nav aria-label=\"Main\"><a class=\"brand\" href=\"/\">rollout-operator</a>");
        html.Append("<a href=\"/\">Rollouts</a><a href=\"/plan\">Plan</a></nav>");
        if (liveSource is not null)
        {
            html.Append("<p id=\"live-status\" class=\"live\" role=\"status\" data-source=\"").Append(Html.E(liveSource))
                .Append("\"><span aria-hidden=\"true\">●</span> <span class=\"live-text\">connecting…</span></p>");
        }

        html.Append("</header><main id=\"main\">").Append(body).Append("</main></body></html>");
        return html.ToString();
    }
}
