using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// Shared rules of the commands that edit spec.template (restart, undo, set image). These are user-intended spec writes,
/// like their kubectl counterparts: the result is a new revision that the operator rolls out through the steps.
/// </summary>
internal static class SpecWrites
{
    public static JsonObject Template(Rollout rollout, string ns) => rollout.Spec.Template is { } template
        ? template
        : throw new CliException($"rollout {ns}/{rollout.Metadata.Name} uses spec.workloadRef; change the referenced Deployment's template instead");

    public static string Describe(string ns, Rollout before, Rollout after)
    {
        var old = before.Spec.Template is { } t ? RevisionHash.Compute(t) : "-";
        var next = after.Spec.Template is { } n ? RevisionHash.Compute(n) : "-";
        return old == next
            ? $"the template is unchanged (revision {next})"
            : $"revision {next} replaces {old} and will be rolled out through the steps of rollout {ns}/{after.Metadata.Name}";
    }
}
