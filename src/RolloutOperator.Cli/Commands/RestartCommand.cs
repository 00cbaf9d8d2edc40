using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// Like `kubectl rollout restart`: stamps spec.template.metadata.annotations["rollout-operator.io/restartedAt"]. That is a
/// new revision, so the restart goes through the canary steps (and analyses) instead of bouncing every pod at once.
/// </summary>
internal static class RestartCommand
{
    public const string Annotation = ApiGroup.Prefix + "restartedAt";

    public static Command Create(CliContext context)
    {
        var name = Arguments.Name();
        var command = new Command("restart", "Restart the pods by rolling out a new revision (sets a restartedAt template annotation)") { name };
        context.SetAction(command, async (result, ct) =>
        {
            using var connection = context.Connect(result);
            var api = new RolloutClient(connection.Client);
            var ns = connection.Namespace;
            var rollout = await api.GetAsync(connection.Namespace, result.GetValue(name)!, ct).ConfigureAwait(false);
            context.Console.WriteLine(await RestartAsync(api, rollout, context.Time, ct).ConfigureAwait(false));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The restart itself, shared with the dashboard; returns the line the user is shown.</summary>
    public static async Task<string> RestartAsync(RolloutClient api, Rollout rollout, TimeProvider time, CancellationToken cancellationToken)
    {
        var ns = rollout.Metadata.NamespaceProperty ?? "default";
        SpecWrites.Template(rollout, ns);
        if (rollout.Status?.CanaryRevision is { Length: > 0 } canary)
        {
            throw new CliException($"revision {canary} of rollout {ns}/{rollout.Metadata.Name} is being rolled out; a restart would supersede it. Promote or abort it first");
        }

        var at = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [Annotation] = at } } } },
        };
        var updated = await api.MergePatchAsync(ns, rollout.Metadata.Name, patch, cancellationToken).ConfigureAwait(false);
        return $"rollout {ns}/{rollout.Metadata.Name} restarted ({Annotation}={at}): {SpecWrites.Describe(ns, rollout, updated)}";
    }
}
