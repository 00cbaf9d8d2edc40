using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Commands;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Templates;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// One pass over one Rollout: parse → observe → decide → act → one status patch → events → metrics → requeue.
/// Everything is re-read from the caches; nothing depends on which event woke us.
/// </summary>
internal sealed class RolloutSync
{
    /// <summary>
    /// The one place the controller polls: routers program asynchronously and their objects are not watched, so after
    /// changing the split we look again soon to see it take effect.
    /// </summary>
    public static readonly TimeSpan TrafficPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>While the split cannot be read (route missing or broken) the user's fix is noticed within this time.</summary>
    public static readonly TimeSpan TrafficErrorPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait handed to the queue. A pause of days (or a deadline far away) is reached in steps of at most this: each
    /// wake-up recomputes the remaining time from status, so waking early changes nothing but bounds every timer.
    /// </summary>
    public static readonly TimeSpan MaxRequeue = TimeSpan.FromHours(1);

    private readonly RolloutSyncParts _parts;
    private readonly ILogger _logger;

    public RolloutSync(RolloutSyncParts parts, ILogger<RolloutSync> logger)
    {
        _parts = parts;
        _logger = logger;
    }

    public async Task<SyncResult> ReconcileAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var status = rollout.Status ?? new RolloutStatus();
        using var scope = ReconcileLog.Scope(_logger, rollout.Metadata.NamespaceProperty, rollout.Metadata.Name, status.CanaryRevision ?? status.StableRevision, status.CurrentStepIndex);
        var events = new List<RolloutEvent>();
        if (rollout.Metadata.DeletionTimestamp is not null)
        {
            ReconcileLog.Finalizing(_logger);
            await _parts.Finalizer.FinalizeAsync(rollout, events, cancellationToken).ConfigureAwait(false);
            await _parts.Events.RecordAsync(rollout, events, cancellationToken).ConfigureAwait(false);
            return new SyncResult(ReconcileResult.Done, null);
        }

        var parsed = SpecParser.Parse(rollout.Spec, _parts.Templates.Create(rollout));
        if (parsed.Plan is not { } plan)
        {
            return await InvalidAsync(rollout, status, parsed.Errors, cancellationToken).ConfigureAwait(false);
        }

        var current = rollout;
        try
        {
            current = await _parts.Finalizer.EnsureAsync(rollout, events, cancellationToken).ConfigureAwait(false);
            var commands = Commands(current, events);
            var observation = await _parts.Observer.ObserveAsync(current, plan, status, commands, events, cancellationToken).ConfigureAwait(false);
            var decision = RolloutDecider.Decide(plan, status, observation);
            ReconcileLog.Decided(_logger, decision.Actions, decision.Status.Phase, decision.RequeueAfter);
            await _parts.Executor.ExecuteAsync(current, plan, decision.Actions, events, cancellationToken).ConfigureAwait(false);
            await _parts.WorkloadRef.ApplyAsync(current, plan, decision.Status, observation, cancellationToken).ConfigureAwait(false);
            var written = await FinishAsync(current, plan, decision, events, cancellationToken).ConfigureAwait(false);
            await _parts.Jobs.CleanUpAsync(current, plan, decision.Status, cancellationToken).ConfigureAwait(false);
            var requeue = Requeue(plan, decision, observation, _parts.Time.GetUtcNow() - observation.Now);
            return new SyncResult(new ReconcileResult(requeue), written ?? (ReferenceEquals(current, rollout) ? null : current));
        }
        catch (Exception e) when (ApiRejection.Of(e) is { } rejection)
        {
            // Retrying unchanged will not help: tell the user (Event + condition), then let the runtime retry with backoff.
            await ReportRejectionAsync(current, status, rejection, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Records a refused write on the Rollout. The status written is the last decided one (the decision was not carried
    /// out) with <c>Degraded=True/WriteFailed</c>; if that write is refused too (e.g. status too large), the Event remains.
    /// </summary>
    private async Task ReportRejectionAsync(Rollout rollout, RolloutStatus status, ApiRejection rejection, CancellationToken cancellationToken)
    {
        var message = rejection.ToString();
        ReconcileLog.WriteRejected(_logger, message);
        await _parts.Events.RecordAsync(rollout, new RolloutEvent(EventSeverity.Warning, WriteFailedCondition.Reason, message), cancellationToken).ConfigureAwait(false);
        var next = WriteFailedCondition.Apply(status, message, status.ObservedGeneration ?? 0, _parts.Time.GetUtcNow(), rollout.Metadata.Generation);
        try
        {
            await _parts.Status.WriteAsync(rollout, next, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or RolloutConflictException)
        {
            ReconcileLog.RejectionNotRecorded(_logger, e);
        }
    }

    private async Task<SyncResult> InvalidAsync(Rollout rollout, RolloutStatus status, IReadOnlyList<SpecError> errors, CancellationToken cancellationToken)
    {
        var messages = errors.Select(e => e.ToString()).ToList();
        ReconcileLog.InvalidSpec(_logger, string.Join("; ", messages));
        var decision = RolloutDecider.Invalid(status, messages, rollout.Metadata.Generation ?? 0, _parts.Time.GetUtcNow());
        // The Rollout's own sinks are part of the spec that failed to parse: only the operator-wide defaults are told.
        var written = await FinishAsync(rollout, null, decision, [], cancellationToken).ConfigureAwait(false);

        // Terminal until the object changes: an edit of the Rollout (or of a template it names) wakes it again.
        return new SyncResult(ReconcileResult.Done, written);
    }

    private async Task<Rollout?> FinishAsync(Rollout rollout, RolloutPlan? plan, Decision decision, List<RolloutEvent> extraEvents, CancellationToken cancellationToken)
    {
        var notifications = plan?.Notifications ?? NotificationPlan.None;
        var events = decision.Events.Concat(extraEvents).ToList();
        var before = rollout.Status ?? new RolloutStatus();

        // The outbox rides in the status patch the reconcile writes anyway; deliveries start only once it is stored.
        var status = _parts.Tracer.Annotate(rollout, before, _parts.Notifier?.Prepare(rollout, notifications, decision.Status, events) ?? decision.Status);
        var written = await _parts.Status.WriteAsync(rollout, status, cancellationToken).ConfigureAwait(false);
        if (written is null)
        {
            ReconcileLog.StatusUnchanged(_logger);
        }
        else
        {
            // Spans describe recorded state: only a write that landed completes anything.
            _parts.Tracer.Emit(rollout, plan, before, status);
        }

        _parts.Notifier?.Dispatch(rollout, notifications, plan?.Webhooks ?? [], status, events);
        await _parts.Events.RecordAsync(rollout, events, cancellationToken).ConfigureAwait(false);
        _parts.Metrics.Observe(rollout, decision.Status);
        return written;
    }

    private List<UserCommand> Commands(Rollout rollout, List<RolloutEvent> events)
    {
        var parsed = CommandAnnotation.Parse(rollout.Metadata.Annotations);
        if (parsed.Error is { } error
            && _parts.InvalidCommands.ShouldReport(ObjectKey.Of(rollout), rollout.Metadata.Annotations![RolloutApi.CommandAnnotation]))
        {
            events.Add(new RolloutEvent(EventSeverity.Warning, "InvalidCommand", $"annotation {RolloutApi.CommandAnnotation} ignored: {error}"));
        }

        return parsed.Command is { } command ? [command] : [];
    }

    /// <summary>
    /// When to look again. The decision's wake-up counts from the observation's time, and <paramref name="spent"/> of it
    /// went on this reconcile's own writes and Events: a pause would otherwise end late by as long as they took.
    /// </summary>
    internal static TimeSpan? Requeue(RolloutPlan plan, Decision decision, RolloutObservation observation, TimeSpan spent)
    {
        var requeue = Bounded(decision.RequeueAfter is { } after && spent > TimeSpan.Zero ? after - spent : decision.RequeueAfter);
        if (decision.Actions.Any(a => a is RouteTraffic))
        {
            return Min(requeue, TrafficPollInterval);
        }

        return plan.Strategy is CanaryPlan { Router: not null } && observation.Traffic is null
            ? Min(requeue, TrafficErrorPollInterval)
            : requeue;
    }

    private static TimeSpan? Bounded(TimeSpan? requeue) => requeue switch
    {
        null => null,
        { } after when after < TimeSpan.Zero => TimeSpan.Zero,
        { } after => Min(after, MaxRequeue),
    };

    private static TimeSpan Min(TimeSpan? a, TimeSpan b) => a is { } value && value < b ? value : b;
}
