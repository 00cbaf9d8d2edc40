using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Services;
using RolloutOperator.Controller.Templates;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// Executes Core's actions in the order given (new pods, then selectors, then traffic, then scale-downs). Every action
/// is idempotent, so a reconcile that stops half-way is simply finished by the next one.
/// </summary>
internal sealed class ActionExecutor
{
    private readonly RolloutCaches _caches;
    private readonly ParseContextFactory _templates;
    private readonly RevisionWriter _revisions;
    private readonly ServiceSelectorWriter _services;
    private readonly TrafficGateway _traffic;

    public ActionExecutor(RolloutCaches caches, ParseContextFactory templates, RevisionWriter revisions, ServiceSelectorWriter services, TrafficGateway traffic)
    {
        _caches = caches;
        _templates = templates;
        _revisions = revisions;
        _services = services;
        _traffic = traffic;
    }

    public async Task ExecuteAsync(Rollout rollout, RolloutPlan plan, IReadOnlyList<RolloutAction> actions, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case ScaleRevision scale:
                    await ScaleAsync(rollout, plan, scale, events, cancellationToken).ConfigureAwait(false);
                    break;
                case PointService point:
                    await PointAsync(rollout, point, events, cancellationToken).ConfigureAwait(false);
                    break;
                case RouteTraffic route:
                    await _traffic.ApplyAsync(rollout, route, events, cancellationToken).ConfigureAwait(false);
                    break;
                case DeleteRevision delete:
                    await _revisions.DeleteAsync(rollout, delete.Revision, cancellationToken).ConfigureAwait(false);
                    break;
                case ScaleBaseline baseline:
                    await ScaleBaselineAsync(rollout, plan, baseline, events, cancellationToken).ConfigureAwait(false);
                    break;
                case DeleteBaseline baseline:
                    await _revisions.DeleteAsync(rollout, JudgeBaseline.RevisionLabel(baseline.StableRevision), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"unknown action {action.GetType().Name}");
            }
        }
    }

    private async Task ScaleAsync(Rollout rollout, RolloutPlan plan, ScaleRevision scale, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (Workload(rollout, plan, scale.Revision) is not { } workload)
        {
            events.Add(new RolloutEvent(
                EventSeverity.Warning,
                "RevisionTemplateUnavailable",
                $"Revision {scale.Revision} has no Deployment and is not the spec's revision; its pod template is unknown, so it cannot be scaled to {scale.Replicas}"));
            return;
        }

        await _revisions.ApplyAsync(rollout, scale.Revision, scale.Replicas, workload, cancellationToken).ConfigureAwait(false);
    }

    // The baseline runs the stable revision's own template, as its Deployment has it.
    private async Task ScaleBaselineAsync(Rollout rollout, RolloutPlan plan, ScaleBaseline baseline, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        if (Workload(rollout, plan, baseline.StableRevision) is not { } workload)
        {
            events.Add(new RolloutEvent(
                EventSeverity.Warning,
                "BaselineTemplateUnavailable",
                $"Stable revision {baseline.StableRevision} has no Deployment; the judge's baseline cannot be started"));
            return;
        }

        await _revisions.ApplyBaselineAsync(rollout, baseline.StableRevision, baseline.Replicas, workload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The spec's revision takes its template from the spec (or workloadRef); an older revision keeps the template its
    /// Deployment already has, since the spec no longer describes it.
    /// </summary>
    private RevisionWorkload? Workload(Rollout rollout, RolloutPlan plan, string revision)
    {
        var minReady = rollout.Spec.MinReadySeconds ?? 0;
        if (revision == plan.Revision)
        {
            var template = _templates.SpecTemplate(rollout);
            var selector = _templates.SpecSelector(rollout);
            return template is null || selector is null ? null : new RevisionWorkload(template, selector, minReady);
        }

        if (!RevisionDeployments.Owned(_caches, rollout).TryGetValue(revision, out var deployment)
            || deployment.Spec?.Template is null || deployment.Spec.Selector is null)
        {
            return null;
        }

        return new RevisionWorkload(KubeJson.ToObject(deployment.Spec.Template), KubeJson.ToObject(deployment.Spec.Selector), deployment.Spec.MinReadySeconds ?? minReady);
    }

    private async Task PointAsync(Rollout rollout, PointService point, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        var ns = rollout.Metadata.NamespaceProperty;
        if (!ServiceRoles.Of(rollout.Spec).TryGetValue(point.Role, out var name))
        {
            return;
        }

        if (_caches.Services.Find(ns, name) is null)
        {
            // Applying would create a Service the user never wrote; wait for theirs instead (its creation wakes us).
            events.Add(new RolloutEvent(EventSeverity.Warning, "ServiceNotFound", $"{point.Role} Service \"{name}\" not found in namespace {ns}"));
            return;
        }

        await _services.PointAsync(ns, name, point.Revision, cancellationToken).ConfigureAwait(false);
    }
}
