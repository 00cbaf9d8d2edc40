using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// The CI gate's verdict. Healthy and complete means: the operator has seen the current spec (observedGeneration), calls
/// it Healthy, nothing is being rolled out, and the stable revision is the one spec.template names. Anything else waits,
/// except an abort or a degraded rollout, which fail at once.
/// </summary>
internal static class RolloutHealth
{
    public static (int? ExitCode, string Message) Evaluate(Rollout rollout)
    {
        var status = rollout.Status;
        if (status is null || status.ObservedGeneration != rollout.Metadata.Generation)
        {
            return (null, "waiting for the operator to observe the current spec");
        }

        if (status.Abort is { } abort)
        {
            return (ExitCodes.Aborted, $"revision {abort.Revision} aborted ({abort.Reason}){(abort.Message is null ? "" : ": " + abort.Message)}");
        }

        if (status.Phase == RolloutPhase.Degraded)
        {
            return (ExitCodes.Degraded, "degraded: " + (status.Message ?? "see conditions"));
        }

        var specRevision = RolloutFacts.SpecRevision(rollout);
        if (status.Phase == RolloutPhase.Healthy && string.IsNullOrEmpty(status.CanaryRevision)
            && (specRevision is null || specRevision == status.StableRevision))
        {
            return (ExitCodes.Success, $"healthy: revision {status.StableRevision} is stable");
        }

        return (null, $"{status.Phase?.ToString() ?? "Unknown"} (step {RolloutFacts.Step(rollout)}): {status.Message ?? "in progress"}");
    }
}
