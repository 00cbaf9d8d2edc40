using System.CommandLine;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// Like `kubectl rollout undo`: copies the pod template of a previous revision's Deployment back into spec.template.
/// A spec write by the user; with spec.rollbackWindow covering that revision the operator rolls back at once.
/// </summary>
internal static class UndoCommand
{
    public static Command Create(CliContext context)
    {
        var name = Arguments.Name();
        var to = new Option<string?>("--to-revision") { Description = "Revision hash to go back to (default: the stable revision, or the previous promoted one)" };
        var command = new Command("undo", "Set spec.template back to a previous revision's template") { name, to };
        context.SetAction(command, async (result, ct) =>
        {
            using var connection = context.Connect(result);
            var api = new RolloutClient(connection.Client);
            var ns = connection.Namespace;
            var rollout = await api.GetAsync(connection.Namespace, result.GetValue(name)!, ct).ConfigureAwait(false);
            var lines = await UndoAsync(api, rollout, result.GetValue(to), (deployment, token) => api.DeploymentAsync(connection.Namespace, deployment, token), ct).ConfigureAwait(false);
            foreach (var line in lines)
            {
                context.Console.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The undo itself, shared with the dashboard (which finds Deployments in its watch cache); returns the lines the user is shown.</summary>
    public static async Task<IReadOnlyList<string>> UndoAsync(
        RolloutClient api, Rollout rollout, string? toRevision, Func<string, CancellationToken, Task<V1Deployment>> deploymentNamed, CancellationToken cancellationToken)
    {
        var ns = rollout.Metadata.NamespaceProperty ?? "default";
        SpecWrites.Template(rollout, ns);
        var target = toRevision ?? DefaultTarget(rollout)
            ?? throw new CliException($"rollout {ns}/{rollout.Metadata.Name} has no previous revision to go back to", ExitCodes.NothingToDo);
        var deployment = await deploymentNamed($"{rollout.Metadata.Name}-{target}", cancellationToken).ConfigureAwait(false);
        var template = Restore(UserTemplate(JsonNode.Parse(KubernetesJson.Serialize(deployment.Spec.Template))!.AsObject()), target);
        var operations = new JsonArray { new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = template } };
        var updated = await api.JsonPatchAsync(ns, rollout.Metadata.Name, operations, cancellationToken).ConfigureAwait(false);
        return [
            $"rollout {ns}/{rollout.Metadata.Name}: spec.template set to the template of revision {target} (Deployment {deployment.Metadata.Name})",
            SpecWrites.Describe(ns, rollout, updated),
        ];
    }

    /// <summary>While a revision is in flight, undo means "back to stable"; otherwise the newest promoted revision before the current one.</summary>
    public static string? DefaultTarget(Rollout rollout)
    {
        var status = rollout.Status;
        var current = Rendering.RolloutFacts.SpecRevision(rollout);
        if (status?.StableRevision is { Length: > 0 } stable && stable != current)
        {
            return stable;
        }

        return status?.History?.Find(h => h.Outcome == RevisionOutcome.Promoted && h.Revision != current)?.Revision;
    }

    /// <summary>Prefers the candidate that hashes to the target revision, so the operator sees the old revision again (and its rollback window applies).</summary>
    private static JsonObject Restore(JsonObject raw, string target)
    {
        var stripped = ServerDefaults.Strip(raw);
        return RevisionHash.Compute(raw) == target ? raw : stripped;
    }

    // The operator adds its own labels and annotations to the Deployment's pod template; they are not part of the user's.
    private static JsonObject UserTemplate(JsonObject template)
    {
        foreach (var field in new[] { "labels", "annotations" })
        {
            if (template["metadata"]?[field] is JsonObject map)
            {
                foreach (var key in map.Select(p => p.Key).Where(k => k.StartsWith(ApiGroup.Prefix, StringComparison.Ordinal) && k != RestartCommand.Annotation).ToList())
                {
                    map.Remove(key);
                }
            }
        }

        return template;
    }
}
