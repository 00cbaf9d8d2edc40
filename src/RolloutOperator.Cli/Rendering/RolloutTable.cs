using RolloutOperator.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Cli.Rendering;

/// <summary>The `list` table.</summary>
internal static class RolloutTable
{
    public static IRenderable Build(IReadOnlyList<Rollout> rollouts, bool allNamespaces, DateTimeOffset now)
    {
        var table = new Table().Border(TableBorder.Simple);
        if (allNamespaces)
        {
            table.AddColumn("NAMESPACE");
        }

        table.AddColumns("NAME", "STRATEGY", "PHASE", "STEP", "WEIGHT", "STABLE", "CANARY", "AGE");
        foreach (var rollout in rollouts.OrderBy(r => r.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(r => r.Metadata.Name, StringComparer.Ordinal))
        {
            var phase = RolloutFacts.Phase(rollout);
            var cells = new List<IRenderable>();
            if (allNamespaces)
            {
                cells.Add(new Text(rollout.Metadata.NamespaceProperty ?? ""));
            }

            cells.Add(new Text(rollout.Metadata.Name));
            cells.Add(new Text(RolloutFacts.Strategy(rollout)));
            cells.Add(new Markup($"[{RolloutFacts.Color(phase)}]{RolloutFacts.Icon(phase)} {phase}[/]"));
            cells.Add(new Text(RolloutFacts.Step(rollout)));
            cells.Add(new Text(rollout.Status?.Traffic is { } t ? $"{t.DesiredWeight}%" : "-"));
            cells.Add(new Text(rollout.Status?.StableRevision ?? "-"));
            cells.Add(new Text(rollout.Status?.CanaryRevision ?? "-"));
            cells.Add(new Text(RolloutFacts.Age(rollout.Metadata.CreationTimestamp, now)));
            table.AddRow(cells);
        }

        return table;
    }
}
