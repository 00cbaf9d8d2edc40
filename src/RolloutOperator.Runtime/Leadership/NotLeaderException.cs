namespace RolloutOperator.Runtime.Leadership;

/// <summary>A write was refused before it left the process because this instance does not (or no longer) lead.</summary>
public sealed class NotLeaderException : Exception
{
    public NotLeaderException()
    {
    }

    public NotLeaderException(string message)
        : base(message)
    {
    }

    public NotLeaderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
