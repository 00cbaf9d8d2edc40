using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Rendering;

/// <summary>Small derived facts about a Rollout shared by get, list and status.</summary>
internal static class RolloutFacts
{
    public static string Strategy(Rollout rollout) => rollout.Spec.Strategy switch
    {
        { Canary: { TrafficRouting: { } routing } } => $"Canary ({RouterName(routing)})",
        { Canary: not null } => "Canary",
        { BlueGreen: not null } => "BlueGreen",
        _ => "-",
    };

    public static string Phase(Rollout rollout) => rollout.Status switch
    {
        { Abort: not null } => "Aborted",
        { Phase: { } phase } => phase.ToString(),
        _ => "Unknown",
    };

    public static string Icon(string phase) => phase switch
    {
        "Healthy" => "✔",
        "Progressing" => "◐",
        "Paused" => "⏸",
        "Aborted" or "Degraded" => "✖",
        _ => "?",
    };

    public static string Color(string phase) => phase switch
    {
        "Healthy" => "green",
        "Progressing" => "blue",
        "Paused" => "yellow",
        "Aborted" or "Degraded" => "red",
        _ => "grey",
    };

    public static string Step(Rollout rollout) => rollout.Status is { StepCount: > 0 and var count } status
        ? $"{status.CurrentStepIndex ?? 0}/{count}"
        : "-";

    /// <summary>The revision spec.template names now; null for workloadRef rollouts (the template lives elsewhere).</summary>
    public static string? SpecRevision(Rollout rollout) => rollout.Spec.Template is { } template ? RevisionHash.Compute(template) : null;

    public static string? Revision(V1Deployment deployment) =>
        deployment.Metadata?.Labels is { } labels && labels.TryGetValue(ApiGroup.RevisionLabel, out var revision) ? revision : null;

    public static string Images(V1Deployment? deployment) => deployment?.Spec?.Template?.Spec?.Containers is { Count: > 0 } containers
        ? string.Join(", ", containers.Select(c => c.Image))
        : "-";

    public static string Age(DateTime? created, DateTimeOffset now)
    {
        if (created is not { } at)
        {
            return "-";
        }

        var age = now - new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc));
        return age.TotalDays >= 2 ? $"{(int)age.TotalDays}d"
            : age.TotalHours >= 2 ? $"{(int)age.TotalHours}h"
            : age.TotalMinutes >= 2 ? $"{(int)age.TotalMinutes}m"
            : $"{Math.Max(0, (int)age.TotalSeconds)}s";
    }

    private static string RouterName(TrafficRouting routing) => TrafficRouters.RouterName(routing) ?? "router";
}
