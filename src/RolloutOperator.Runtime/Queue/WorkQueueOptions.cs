namespace RolloutOperator.Runtime.Queue;

public sealed record WorkQueueOptions
{
    /// <summary>Name used in metrics and logs.</summary>
    public string Name { get; init; } = "default";

    /// <summary>Delay after the first failure; doubles with every further failure.</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Cap for the per-key backoff, kept low so a fixed dependency is noticed quickly.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fraction (0..1) by which a backoff may be shortened at random, to spread retries.</summary>
    public double JitterFactor { get; init; } = 0.1;

    /// <summary>
    /// Longest delay <c>AddAfter</c> honours; a later wake-up is brought forward to this. Reconciles are level-triggered,
    /// so waking early only means the reconciler recomputes the remaining wait. It also keeps every delay far below the
    /// longest timer the platform supports (about 49.7 days), beyond which creating the timer throws.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);
}
