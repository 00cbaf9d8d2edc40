namespace RolloutOperator.Runtime.Queue;

/// <summary>A pending <c>AddAfter</c>: at most one per key, always the earliest due time.</summary>
internal sealed class DelayedAdd<TKey>(TKey key, DateTimeOffset due, bool priority)
{
    public TKey Key { get; } = key;

    public DateTimeOffset Due { get; } = due;

    /// <summary>Added to the priority lane when due (a wake-up the reconciler asked for, not a retry).</summary>
    public bool Priority { get; } = priority;

    public ITimer? Timer { get; set; }
}
