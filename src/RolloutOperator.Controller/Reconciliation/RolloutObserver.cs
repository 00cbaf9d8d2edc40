using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Gates;
using RolloutOperator.Controller.Jobs;
using RolloutOperator.Controller.Services;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>Collects what one reconcile sees: revision workloads and Services from the caches, the router's split, due measurements.</summary>
internal sealed class RolloutObserver
{
    private readonly RolloutCaches _caches;
    private readonly TrafficGateway _traffic;
    private readonly IMeasurementService _measurements;
    private readonly TimeProvider _time;
    private readonly WebhookCaller _webhooks;
    private readonly AnalysisJobs _jobs;
    private readonly BackgroundMeasurements _background;

    public RolloutObserver(RolloutCaches caches, TrafficGateway traffic, IMeasurementService measurements, TimeProvider time, WebhookCaller webhooks, AnalysisJobs jobs, BackgroundMeasurements background)
    {
        _caches = caches;
        _jobs = jobs;
        _background = background;
        _traffic = traffic;
        _measurements = measurements;
        _time = time;
        _webhooks = webhooks;
    }

    public async Task<RolloutObservation> ObserveAsync(
        Rollout rollout, RolloutPlan plan, RolloutStatus status, IReadOnlyList<UserCommand> commands, List<RolloutEvent> events, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var revisions = RevisionDeployments.Owned(_caches, rollout)
            .ToDictionary(pair => pair.Key, pair => RevisionDeployments.Observe(pair.Value), StringComparer.Ordinal);
        var traffic = await _traffic.ObserveAsync(rollout, plan, events, cancellationToken).ConfigureAwait(false);
        // Webhooks run alongside the measurements: both are capped below the reconcile timeout, their sum would not be.
        var gates = _webhooks.CallDueAsync(rollout, plan, status, now, cancellationToken);
        var measurements = await MeasureAsync(rollout, plan, status, now, cancellationToken).ConfigureAwait(false);
        var gateResults = await gates.ConfigureAwait(false);
        return new RolloutObservation(
            now,
            rollout.Metadata.Generation ?? 0,
            revisions,
            traffic,
            ObserveServices(rollout),
            measurements,
            commands)
        {
            MissingServices = MissingServices(rollout),
            Baselines = BaselineDeployments.Observe(_caches, rollout),
            ErrorBudget = ErrorBudgetSchedule.IsDue(plan, status, now) && plan.ErrorBudget is { } policy
                ? await _measurements.MeasureErrorBudgetAsync(rollout, policy, now, cancellationToken).ConfigureAwait(false)
                : null,
            GateResults = gateResults,
        };
    }

    /// <summary>Roles whose named Service is not in the cache; Core holds the rollout while any is missing.</summary>
    private List<ServiceRole> MissingServices(Rollout rollout) =>
        [.. ServiceRoles.Of(rollout.Spec)
            .Where(pair => _caches.Services.Find(rollout.Metadata.NamespaceProperty, pair.Value) is null)
            .Select(pair => pair.Key)
            .Order()];

    /// <summary>The revision each named Service selects now; null when the Service is missing or selects no revision.</summary>
    private Dictionary<ServiceRole, string?> ObserveServices(Rollout rollout)
    {
        var ns = rollout.Metadata.NamespaceProperty;
        return ServiceRoles.Of(rollout.Spec).ToDictionary(
            pair => pair.Key,
            pair => SelectedRevision(ns, pair.Value));
    }

    private string? SelectedRevision(string ns, string service) =>
        _caches.Services.Find(ns, service)?.Spec?.Selector is { } selector && selector.TryGetValue(ApiGroup.RevisionLabel, out var revision)
            ? revision
            : null;

    private async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(
        Rollout rollout, RolloutPlan plan, RolloutStatus status, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = AnalysisScheduler.DueMeasurements(plan, status, now);
        if (due.Count == 0)
        {
            return [];
        }

        // Job metrics span reconciles and live in the caches; every other provider is queried off the worker and
        // answers within the inline wait or reports the measurement in progress.
        var jobs = due.Where(d => d.Metric.Job is not null).ToList();
        var others = due.Where(d => d.Metric.Job is null).ToList();
        var measured = others.Count == 0 ? [] : await _background.MeasureAsync(rollout, plan, others, cancellationToken).ConfigureAwait(false);
        return jobs.Count == 0 ? measured : [.. measured, .. await _jobs.MeasureAsync(rollout, jobs, cancellationToken).ConfigureAwait(false)];
    }
}
