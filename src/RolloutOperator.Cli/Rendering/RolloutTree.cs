using System.Globalization;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Cli.Rendering;

/// <summary>Rollout → revisions (with their roles) → Deployments and analyses → metrics.</summary>
internal static class RolloutTree
{
    public static IRenderable Build(RolloutSnapshot snapshot, DateTimeOffset now)
    {
        var rollout = snapshot.Rollout;
        var status = rollout.Status ?? new RolloutStatus();
        var phase = RolloutFacts.Phase(rollout);
        var tree = new Tree(new Markup($"[{RolloutFacts.Color(phase)}]{RolloutFacts.Icon(phase)}[/] {Markup.Escape(rollout.Metadata.Name)} (Rollout)"));
        foreach (var revision in Revisions(snapshot, status))
        {
            var node = tree.AddNode(new Text($"revision {revision}  {Roles(revision, snapshot, status, now)}".TrimEnd()));
            foreach (var deployment in snapshot.Deployments.Where(d => RolloutFacts.Revision(d) == revision))
            {
                node.AddNode(new Text(DeploymentLine(deployment)));
            }

            foreach (var run in status.Analyses?.Where(a => a.Revision == revision) ?? [])
            {
                AddAnalysis(node, run);
            }
        }

        return tree;
    }

    // Newest interest first: the revision being rolled out, then stable, then whatever still has pods or a deadline.
    private static List<string> Revisions(RolloutSnapshot snapshot, RolloutStatus status)
    {
        var candidates = new[] { status.CanaryRevision, status.StableRevision, status.BlueGreen?.ActiveRevision }
            .Concat(status.ScaleDowns?.Select(s => s.Revision) ?? [])
            .Concat(snapshot.Deployments.Select(RolloutFacts.Revision));
        return [.. candidates.OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    private static string Roles(string revision, RolloutSnapshot snapshot, RolloutStatus status, DateTimeOffset now)
    {
        var roles = new List<string>();
        var blueGreen = snapshot.Rollout.Spec.Strategy.BlueGreen is not null;
        if (revision == status.StableRevision)
        {
            roles.Add("stable");
        }

        if (revision == status.CanaryRevision && revision != status.StableRevision)
        {
            roles.Add(blueGreen ? "preview" : "canary");
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
            var left = scaleDown.At - now;
            roles.Add($"scale-down at {scaleDown.At.UtcDateTime:HH:mm:ss}Z ({(left > TimeSpan.Zero ? "in " + Planning.DurationText.Format(left) : "due")})");
        }

        return roles.Count == 0 ? "" : "[" + string.Join(", ", roles) + "]";
    }

    private static string DeploymentLine(V1Deployment deployment)
    {
        var desired = deployment.Spec?.Replicas ?? 0;
        var s = deployment.Status;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Deployment {deployment.Metadata.Name}  {s?.ReadyReplicas ?? 0}/{desired} ready, {s?.AvailableReplicas ?? 0} available  {RolloutFacts.Images(deployment)}");
    }

    private static void AddAnalysis(TreeNode node, AnalysisRunStatus run)
    {
        var analysis = node.AddNode(new Text($"Analysis {run.Key}  {run.Phase}{(run.Message is null ? "" : "  " + run.Message)}"));
        foreach (var metric in run.Metrics)
        {
            var last = metric.Measurements.TakeLast(3).Select(m => m.Value ?? (m.NoData == true ? "no data" : m.Phase.ToString())).ToList();
            var values = last.Count == 0 ? "no measurements" : "last " + string.Join(", ", last);
            var line = analysis.AddNode(new Text(string.Create(
                CultureInfo.InvariantCulture,
                $"{metric.Name}{(metric.DryRun == true ? " [dry-run]" : "")}  {metric.Phase}  {values}  (✔ {metric.Successful} successful, ✖ {metric.Failed} failed, ? {metric.Inconclusive} inconclusive, ⚠ {metric.Error} error{Streak(metric)})")));
            JudgeLines.Add(line, metric.Judge);
            if (metric.Measurements.LastOrDefault()?.Slo is { } slo)
            {
                line.AddNode(new Text(SloText.Measurement(slo)));
            }
        }
    }

    private static string Streak(MetricStatus metric) =>
        metric.ConsecutiveSuccesses is { } streak ? string.Create(CultureInfo.InvariantCulture, $", {streak} successful in a row") : "";
}
