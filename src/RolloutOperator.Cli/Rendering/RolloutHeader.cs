using System.Globalization;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Cli.Rendering;

/// <summary>The key/value header of `get`: what state, how far, how much traffic, which images, how many pods.</summary>
internal static class RolloutHeader
{
    public static IRenderable Build(RolloutSnapshot snapshot)
    {
        var rollout = snapshot.Rollout;
        var status = rollout.Status ?? new RolloutStatus();
        var phase = RolloutFacts.Phase(rollout);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Row(grid, "Name:", $"{rollout.Metadata.NamespaceProperty}/{rollout.Metadata.Name}");
        grid.AddRow(new Markup("Status:"), new Markup($"[{RolloutFacts.Color(phase)}]{RolloutFacts.Icon(phase)} {phase}[/]"));
        Row(grid, "Strategy:", RolloutFacts.Strategy(rollout));
        Row(grid, "Step:", RolloutFacts.Step(rollout));
        Row(grid, "Weight:", Weight(status));
        Row(grid, "Images:", Images(snapshot, status));
        Row(grid, "Replicas:", Replicas(rollout.Spec.Replicas, status));
        Row(grid, "Revisions:", $"stable {status.StableRevision ?? "-"}, canary {status.CanaryRevision ?? "-"}");
        if (status.Abort is { } abort)
        {
            Row(grid, "Aborted:", $"{abort.Revision}: {abort.Reason}{(abort.Message is null ? "" : " - " + abort.Message)}");
        }

        if (status.ErrorBudget is { } budget)
        {
            Row(grid, "Error budget:", SloText.Budget(budget));
        }

        if (status.Gates is { Count: > 0 } gates)
        {
            Row(grid, "Gates:", string.Join('\n', gates.Select(GateText.Line)));
        }

        Row(grid, "Message:", status.Message ?? "-");
        return grid;
    }

    private static void Row(Grid grid, string key, string value) => grid.AddRow(new Text(key), new Text(value));

    private static string Weight(RolloutStatus status) => status.Traffic is { } traffic
        ? string.Create(CultureInfo.InvariantCulture, $"desired {traffic.DesiredWeight}%, observed {(traffic.ObservedWeight is { } o ? o + "%" : "-")}")
        : "-";

    private static string Images(RolloutSnapshot snapshot, RolloutStatus status)
    {
        var stable = ImageOf(snapshot, status.StableRevision);
        var parts = new List<string> { $"{stable} (stable)" };
        if (status.CanaryRevision is { } canary && canary != status.StableRevision)
        {
            var image = ImageOf(snapshot, canary);
            if (image == "-" && RolloutFacts.SpecRevision(snapshot.Rollout) == canary)
            {
                image = TemplateImages(snapshot.Rollout.Spec.Template);
            }

            parts.Add($"{image} (canary)");
        }

        return string.Join("  ", parts);
    }

    private static string ImageOf(RolloutSnapshot snapshot, string? revision) =>
        revision is null ? "-" : RolloutFacts.Images(snapshot.Deployments.FirstOrDefault(d => RolloutFacts.Revision(d) == revision));

    private static string TemplateImages(System.Text.Json.Nodes.JsonObject? template) =>
        template?["spec"]?["containers"] is System.Text.Json.Nodes.JsonArray containers
            ? string.Join(", ", containers.Select(c => (string?)c?["image"]).OfType<string>())
            : "-";

    private static string Replicas(int? desired, RolloutStatus status) => string.Create(
        CultureInfo.InvariantCulture,
        $"desired {desired ?? 1}, current {status.Replicas ?? 0}, updated {status.UpdatedReplicas ?? 0}, ready {status.ReadyReplicas ?? 0}, available {status.AvailableReplicas ?? 0}");
}
