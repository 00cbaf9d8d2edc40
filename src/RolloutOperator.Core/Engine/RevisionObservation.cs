namespace RolloutOperator.Core.Engine;

/// <summary>One revision's workload as observed: replicas it is scaled to, and how many are ready/available.</summary>
public sealed record RevisionObservation(int Desired, int Ready, int Available, DateTimeOffset CreatedAt)
{
    public bool FullyAvailable(int wanted) => Desired == wanted && Available >= wanted;
}
