using RolloutOperator.Runtime.Leadership;

namespace RolloutOperator.Runtime.Tests.Leadership;

/// <summary>A gate whose leadership the test sets.</summary>
internal sealed class SettableLeaderGate : ILeaderGate
{
    public bool IsLeader { get; set; }

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
