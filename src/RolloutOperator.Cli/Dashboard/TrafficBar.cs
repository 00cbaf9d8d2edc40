using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>The traffic split as a bar with its numbers written out: stable and canary share, desired and observed.</summary>
internal static class TrafficBar
{
    public static string Render(Rollout rollout)
    {
        var traffic = rollout.Status?.Traffic;
        var weight = traffic?.ObservedWeight ?? traffic?.DesiredWeight ?? 0;
        var desired = traffic?.DesiredWeight ?? 0;
        var observed = traffic?.ObservedWeight is { } o ? FormattableString.Invariant($"{o}%") : "not yet observed";
        var label = FormattableString.Invariant($"Traffic: stable {100 - weight}%, canary {weight}% (desired {desired}%, observed {observed})");
        // SVG widths rather than inline styles: the page's Content-Security-Policy allows no inline style.
        return FormattableString.Invariant(
            $"<figure class=\"traffic\" id=\"traffic\" data-canary-weight=\"{weight}\" data-desired-weight=\"{desired}\">")
            + FormattableString.Invariant($"<svg class=\"bar\" viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{Html.E(label)}\">")
            + FormattableString.Invariant($"<rect class=\"stable-share\" x=\"0\" y=\"0\" width=\"{100 - weight}\" height=\"6\"/><rect class=\"canary-share\" x=\"{100 - weight}\" y=\"0\" width=\"{weight}\" height=\"6\"/></svg>")
            + FormattableString.Invariant($"<figcaption><span class=\"key key-stable\" aria-hidden=\"true\">■</span> stable {100 - weight}% · <span class=\"key key-canary\" aria-hidden=\"true\">■</span> canary {weight}% <span class=\"muted\">(desired {desired}%, observed {Html.E(observed)})</span></figcaption></figure>");
    }
}
