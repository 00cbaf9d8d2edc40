using System.Globalization;
using RolloutOperator.Cli.Planning;
using Spectre.Console;

namespace RolloutOperator.Cli.Rendering;

/// <summary>The human-readable plan: a table of stages, then each analysis with its rendered queries, then the bounds.</summary>
internal static class PlanRenderer
{
    public static void Render(IAnsiConsole console, RolloutTimeline plan)
    {
        var strategy = plan.Strategy == "Canary" ? $"Canary ({plan.TrafficRouter ?? "replica ratio"})" : plan.Strategy;
        console.MarkupLineInterpolated($"[bold]Rollout {plan.Rollout}[/]  revision {plan.Revision}  {strategy}, {plan.Replicas} replicas");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("#", "Action", "Weight", "Stable", "Canary", "Pause", "Analysis", "Min", "Max");
        foreach (var stage in plan.Stages)
        {
            table.AddRow(
                Text(stage.Number.ToString(CultureInfo.InvariantCulture)),
                Text(stage.Action
                    + (stage.HeaderRoutes.Count > 0 ? $" [routes: {string.Join(", ", stage.HeaderRoutes)}]" : "")
                    + (stage.MirrorRoutes.Count > 0 ? $" [mirrors: {string.Join(", ", stage.MirrorRoutes)}]" : "")),
                Text(stage.Weight.ToString(CultureInfo.InvariantCulture) + "%"),
                Text(stage.StableReplicas.ToString(CultureInfo.InvariantCulture)),
                Text(stage.CanaryReplicas.ToString(CultureInfo.InvariantCulture)),
                Text(stage.Pause ?? ""),
                Text(AnalysisCell(stage)),
                Text(stage.Min),
                Text(stage.Max));
        }

        console.Write(table);
        foreach (var analysis in plan.Stages.Select(s => s.Analysis).OfType<PlanAnalysis>().Append(plan.BackgroundAnalysis).OfType<PlanAnalysis>())
        {
            RenderAnalysis(console, analysis);
        }

        console.MarkupLine($"[bold]Duration:[/] min {plan.MinDuration}, max {plan.MaxDuration}");
        foreach (var note in plan.Notes)
        {
            console.WriteLine("  • " + note);
        }
    }

    private static string AnalysisCell(PlanStage stage)
    {
        var parts = new List<string>();
        if (stage.Analysis is { } analysis)
        {
            parts.Add(string.Join(", ", analysis.Metrics.Select(m => m.Name)));
        }

        if (stage.BackgroundAnalysis)
        {
            parts.Add("(background)");
        }

        return string.Join(" ", parts);
    }

    private static void RenderAnalysis(IAnsiConsole console, PlanAnalysis analysis)
    {
        console.MarkupLine($"[bold]Analysis {Markup.Escape(analysis.Key)}[/]");
        foreach (var metric in analysis.Metrics)
        {
            var count = metric.Count is { } c ? c.ToString(CultureInfo.InvariantCulture) : "until promotion";
            console.WriteLine($"  {metric.Name}: every {metric.Interval}, count {count}, initial delay {metric.InitialDelay}, " +
                $"failureLimit {metric.FailureLimit}, inconclusiveLimit {metric.InconclusiveLimit}, consecutiveErrorLimit {metric.ConsecutiveErrorLimit}, no data: {metric.NoData}");
            foreach (var line in metric.Query.Split('\n'))
            {
                console.WriteLine("    " + line.TrimEnd());
            }
        }
    }

    private static Text Text(string value) => new(value);
}
