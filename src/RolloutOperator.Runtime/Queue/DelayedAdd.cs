namespace RolloutOperator.Runtime.Queue;

/// <summary>A pending <c>AddAfter</c>: at most one per key, always the earliest due time.</summary>
internal sealed class DelayedAdd<TKey>(TKey key, DateTimeOffset due)
{
    public TKey Key { get; } = key;

    public DateTimeOffset Due { get; } = due;

    public ITimer? Timer { get; set; }
}
