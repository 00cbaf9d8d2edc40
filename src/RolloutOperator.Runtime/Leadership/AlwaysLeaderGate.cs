namespace RolloutOperator.Runtime.Leadership;

/// <summary>Single-instance mode: no election, always leader.</summary>
public sealed class AlwaysLeaderGate : ILeaderGate
{
    public bool IsLeader => true;

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
