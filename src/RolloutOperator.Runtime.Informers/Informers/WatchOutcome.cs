namespace RolloutOperator.Runtime.Informers;

/// <summary>How one watch session ended; the names are the informer_watch_restarts_total reasons.</summary>
internal enum WatchOutcome
{
    Closed,
    ClosedEmpty,
    Expired,
    Watchdog,
    Error,
}
