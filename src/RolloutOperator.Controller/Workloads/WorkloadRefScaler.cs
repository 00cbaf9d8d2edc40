using RolloutOperator.Controller.Templates;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

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
        var target = WorkloadRefScaleDown.Target(reference.ScaleDown ?? WorkloadScaleDown.Never, plan.Replicas, status, observation, current);
        if (target < current)
        {
            await _writer.ScaleAsync(rollout.Metadata.NamespaceProperty, reference.Name, target, cancellationToken).ConfigureAwait(false);
        }
    }
}
