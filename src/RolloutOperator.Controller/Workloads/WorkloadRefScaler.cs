using RolloutOperator.Controller.Model;
using RolloutOperator.Controller.Templates;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Workloads;

/// <summary>
/// spec.workloadRef.scaleDown: the referenced (user-owned) Deployment is only ever scaled down, through /scale, and only
/// when its replica count differs from the target, so a settled Rollout writes nothing.
/// </summary>
internal sealed class WorkloadRefScaler
{
    private readonly ParseContextFactory _templates;
    private readonly RevisionWriter _writer;

    public WorkloadRefScaler(ParseContextFactory templates, RevisionWriter writer)
    {
        _templates = templates;
        _writer = writer;
    }

    public async Task ApplyAsync(Rollout rollout, RolloutPlan plan, RolloutStatus status, RolloutObservation observation, CancellationToken cancellationToken)
    {
        if (rollout.Spec.WorkloadRef is not { } reference || _templates.ReferencedDeployment(rollout) is not { } deployment)
        {
            return;
        }

        var current = deployment.Spec?.Replicas ?? 1;
        var target = Target(reference.ScaleDown ?? WorkloadScaleDown.Never, plan, status, observation, current);
        if (target < current)
        {
            await _writer.ScaleAsync(rollout.Metadata.NamespaceProperty, reference.Name, target, cancellationToken).ConfigureAwait(false);
        }
    }

    private static int Target(WorkloadScaleDown mode, RolloutPlan plan, RolloutStatus status, RolloutObservation observation, int current) => mode switch
    {
        WorkloadScaleDown.OnSuccess => status.Phase == RolloutPhase.Healthy ? 0 : current,
        // One pod of the referenced Deployment goes for every available pod of the Rollout's stable revision.
        WorkloadScaleDown.Progressively => Math.Max(0, plan.Replicas - Available(status.StableRevision, observation)),
        _ => current,
    };

    private static int Available(string? revision, RolloutObservation observation) =>
        revision is not null && observation.Revisions.TryGetValue(revision, out var observed) ? observed.Available : 0;
}
