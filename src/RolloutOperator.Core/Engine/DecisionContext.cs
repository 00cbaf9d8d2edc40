using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// The state of one decision while it is being made: inputs, the status draft, the desired world, events and wake-up times.
/// What a step decided beyond that (why it waits, what it holds) is its <see cref="StepOutcome"/>, not state here.
/// </summary>
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

    /// <summary>
    /// Why nothing may move right now, or null: the rollout is paused (spec, command or an inconclusive analysis), or a
    /// Service the spec names is missing (the progress deadline bounds that wait; the Service's creation wakes the Rollout).
    /// </summary>
    public string? Holding()
    {
        if (Plan.Paused || Status.HasPause(PauseReasons.Manual) || Status.HasPause(PauseReasons.Inconclusive))
        {
            return "paused";
        }

        return Observation.MissingServices.Count == 0
            ? null
            : $"waiting for the {string.Join(", ", Observation.MissingServices).ToLowerInvariant()} Service: not found";
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
