namespace RolloutOperator.Controller.Status;

/// <summary>A write guarded by the Rollout's resourceVersion lost a race (409): the decision was made on a stale Rollout and must be made again.</summary>
internal sealed class RolloutConflictException : Exception
{
    public RolloutConflictException()
    {
    }

    public RolloutConflictException(string message)
        : base(message)
    {
    }

    public RolloutConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
