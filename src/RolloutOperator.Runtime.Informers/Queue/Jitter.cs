namespace RolloutOperator.Runtime.Queue;

/// <summary>Thread-safe access to an injected <see cref="Random"/> (instances are not thread-safe).</summary>
public sealed class Jitter(Random random)
{
    private readonly Lock _lock = new();

    public double NextDouble()
    {
        lock (_lock)
        {
            return random.NextDouble();
        }
    }
}
