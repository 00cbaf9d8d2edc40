using RolloutOperator.Cli.Rendering;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>A phase as icon plus word (never colour alone); the class only adds colour.</summary>
internal static class PhaseBadge
{
    public static string Render(string phase) =>
        $"<span class=\"badge phase-{Html.E(phase.ToLowerInvariant())}\"><span aria-hidden=\"true\">{Icon(phase)}</span> {Html.E(phase)}</span>";

    // Rollout phases as the CLI shows them, plus the verdicts of analyses and metrics.
    private static string Icon(string phase) => phase switch
    {
        "Successful" => "✔",
        "Running" => "◐",
        "Failed" => "✖",
        "Inconclusive" => "◆",
        "Error" => "▲",
        "Paused" => "‖", // the CLI's ⏸ is missing from many fonts
        _ => RolloutFacts.Icon(phase),
    };
}
