namespace RolloutOperator.Runtime.Informers;

public sealed record InformerOptions
{
    /// <summary>Items per list page (limit/continue).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Server-side watch timeout is drawn from [Min, Max] so reconnects do not synchronise.</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Client watchdog slack: a watch silent (no event, no bookmark) for its timeout plus this grace is
    /// cancelled and reopened, because the client never times a watch out by itself.
    /// </summary>
    public TimeSpan WatchdogGrace { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Liveness fails when no list or watch activity has been seen for this long.</summary>
    public TimeSpan LivenessTimeout { get; init; } = TimeSpan.FromMinutes(15);
}
