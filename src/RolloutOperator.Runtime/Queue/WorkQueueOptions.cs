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
}
