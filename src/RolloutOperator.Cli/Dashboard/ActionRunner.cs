using RolloutOperator.Cli.Commands;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// Runs a confirmed action through the CLI's own code, with the Rollout (and Deployments) from the watch cache. The
/// revision the confirmation showed must still be the one the action applies to; otherwise nothing is written.
/// </summary>
internal sealed class ActionRunner(RolloutClient api, ClusterCache cache, TimeProvider time)
{
    public async Task<string> RunAsync(DashboardAction action, Rollout rollout, string confirmedRevision, CancellationToken cancellationToken)
    {
        var current = action.Revision(rollout);
        if (current is null || current != confirmedRevision)
        {
            throw new CliException(current is null
                ? $"{action.Name} has nothing to act on any more: {action.WhyNot}; nothing was changed"
                : $"{action.Name} now applies to revision {current}, not {confirmedRevision} as confirmed; nothing was changed");
        }

        switch (action.Name)
        {
            case "restart":
                return await RestartCommand.RestartAsync(api, rollout, time, cancellationToken).ConfigureAwait(false);
            case "undo":
                var lines = await UndoCommand.UndoAsync(api, rollout, confirmedRevision, (name, _) => Task.FromResult(DeploymentNamed(rollout, name)), cancellationToken).ConfigureAwait(false);
                return string.Join(" ", lines);
            default:
                var sent = await CommandChannel.RequestAsync(api, rollout, action.Name, confirmedRevision, time, cancellationToken).ConfigureAwait(false);
                return $"{sent.Action} requested for revision {sent.Revision} of {rollout.Metadata.NamespaceProperty}/{rollout.Metadata.Name} (command id {sent.Id})";
        }
    }

    private k8s.Models.V1Deployment DeploymentNamed(Rollout rollout, string name) =>
        cache.Deployments.Find(rollout.Metadata.NamespaceProperty ?? "", name)
            ?? throw new CliException($"deployment \"{name}\" not found in namespace \"{rollout.Metadata.NamespaceProperty}\"");
}
