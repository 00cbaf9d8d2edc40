using RolloutOperator.Cli.Rendering;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>A phase as icon plus word (never colour alone); the class only adds colour.</summary>
internal static class PhaseBadge
{
    public static string Render(string phase) =>
        $"<span class=\"badge phase-{Html.E(phase.ToLowerInvariant())}\"><span aria-hidden=\"true\">{RolloutFacts.Icon(phase)}</span> {Html.E(phase)}</span>";
}
