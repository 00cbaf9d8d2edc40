using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// Writes the operator's revision-scoped command annotation. It is a merge patch on metadata.annotations only, so GitOps
/// tools see no spec drift, and it names status.canaryRevision, so a command typed against an old revision cannot act
/// on a newer one that started meanwhile.
/// </summary>
internal static class CommandChannel
{
    public const string Annotation = ApiGroup.Prefix + "command";

    public static string? TargetRevision(Rollout rollout, string action) => rollout.Status switch
    {
        { CanaryRevision: { Length: > 0 } canary } => canary,
        { Abort.Revision: { Length: > 0 } aborted } when action == "retry" => aborted,
        _ => null,
    };

    public static JsonObject Patch(string action, string revision, string id) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["annotations"] = new JsonObject
            {
                [Annotation] = new JsonObject { ["action"] = action, ["revision"] = revision, ["id"] = id }.ToJsonString(),
            },
        },
    };

    public static async Task<int> SendAsync(CliContext context, KubeConnection connection, string name, string action, CancellationToken cancellationToken)
    {
        var api = new RolloutClient(connection.Client);
        var rollout = await api.GetAsync(connection.Namespace, name, cancellationToken).ConfigureAwait(false);
        var sent = await RequestAsync(api, rollout, action, expectedRevision: null, context.Time, cancellationToken).ConfigureAwait(false);
        context.Console.WriteLine($"rollout {connection.Namespace}/{name}: {action} requested for revision {sent.Revision} (command id {sent.Id})");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes the command for the revision the Rollout is rolling out. With <paramref name="expectedRevision"/> (the
    /// revision a confirmation showed the user) the command is refused when the Rollout has moved on to another one.
    /// </summary>
    public static async Task<SentCommand> RequestAsync(
        RolloutClient api, Rollout rollout, string action, string? expectedRevision, TimeProvider time, CancellationToken cancellationToken)
    {
        var ns = rollout.Metadata.NamespaceProperty ?? "default";
        var name = rollout.Metadata.Name;
        var revision = TargetRevision(rollout, action) ?? throw new CliException(
            $"rollout {ns}/{name} has no revision being rolled out (stable revision {rollout.Status?.StableRevision ?? "unknown"}); nothing to {action}",
            ExitCodes.NothingToDo);
        if (expectedRevision is not null && expectedRevision != revision)
        {
            throw new CliException($"rollout {ns}/{name} now rolls out revision {revision}, not {expectedRevision}; nothing was sent", ExitCodes.NothingToDo);
        }

        var id = $"cli-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{Guid.NewGuid().ToString("N")[..8]}";
        await api.MergePatchAsync(ns, name, Patch(action, revision, id), cancellationToken).ConfigureAwait(false);
        return new SentCommand(action, revision, id);
    }
}
