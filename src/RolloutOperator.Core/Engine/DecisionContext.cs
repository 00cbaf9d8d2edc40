using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>The state of one decision while it is being made: inputs, the status draft, the desired world, events and wake-up times.</summary>
internal sealed class DecisionContext(RolloutPlan plan, RolloutStatus status, RolloutObservation observation)
{
    private readonly List<DateTimeOffset> _wakeUps = [];

    public RolloutPlan Plan { get; } = plan;

    public RolloutObservation Observation { get; } = observation;

    public StatusDraft Status { get; } = new(status);

    public DesiredWorld World { get; } = new();

    public List<RolloutEvent> Events { get; } = [];

    public DateTimeOffset Now { get; } = KubeTime.Truncate(observation.Now);

    /// <summary>
    /// The observation's time with its sub-second digits. A step's start keeps them: a start truncated to the whole second
    /// would let a timed pause end up to a second before its duration has passed since the step really began.
    /// </summary>
    public DateTimeOffset PreciseNow => Observation.Now;

    public string Target => Plan.Revision;

    public bool PromoteOne { get; set; }

    /// <summary>Blue/green: the preview passed its gates and scales to full size for the switch.</summary>
    public bool PreviewReleased { get; set; }


    /// <summary>Why the rollout waits right now (for the status message), when it does.</summary>
    public string? Waiting { get; set; }

    public bool DeadlineExceeded { get; set; }

    /// <summary>Canary: the step state to hold while a webhook gate waits (instead of the current step's).</summary>
    public CanaryStepState? GateHold { get; set; }

    /// <summary>The condition reason while a webhook gate holds the rollout (see <see cref="GateKeeper"/>).</summary>
    public string? GateReason { get; set; }

    /// <summary>An analysis is running; it is bounded by its own limits, so the progress deadline waits for it.</summary>
    public bool WaitingOnAnalysis { get; set; }

    /// <summary>
    /// A Service the spec names is missing: nothing may move towards the new revision (the progress deadline bounds the
    /// wait; the Service's creation wakes the Rollout). Sets the waiting message.
    /// </summary>
    public bool ServicesMissing()
    {
        if (Observation.MissingServices.Count == 0)
        {
            return false;
        }

        Waiting = $"waiting for the {string.Join(", ", Observation.MissingServices).ToLowerInvariant()} Service: not found";
        return true;
    }

    public void WakeAt(DateTimeOffset at) => _wakeUps.Add(at);

    public void Normal(string reason, string message) => Events.Add(new RolloutEvent(EventSeverity.Normal, reason, message));

    public void Warning(string reason, string message) => Events.Add(new RolloutEvent(EventSeverity.Warning, reason, message));

    public RevisionObservation? Revision(string? revision) =>
        revision is not null && Observation.Revisions.TryGetValue(revision, out var observed) ? observed : null;

    public int Available(string? revision) => Revision(revision)?.Available ?? 0;

    public void MarkProgress() => Status.LastProgressAt = Now;

    public TimeSpan? RequeueAfter()
    {
        if (_wakeUps.Count == 0)
        {
            return null;
        }

        var next = _wakeUps.Min() - Observation.Now;
        return next < TimeSpan.Zero ? TimeSpan.Zero : next;
    }

    public void AddHistory(string revision, RevisionOutcome outcome, string message)
    {
        Status.History.Insert(0, new RevisionHistoryEntry { Revision = revision, Outcome = outcome, At = Now, Message = message });
        if (Status.History.Count > HistoryLimit)
        {
            Status.History.RemoveRange(HistoryLimit, Status.History.Count - HistoryLimit);
        }
    }

    public void ScheduleScaleDown(string revision, TimeSpan delay)
    {
        Status.ScaleDowns.RemoveAll(s => s.Revision == revision);
        Status.ScaleDowns.Add(new ScaleDownStatus { Revision = revision, At = KubeTime.After(Now, delay) });
    }

    private const int HistoryLimit = 20;
}
