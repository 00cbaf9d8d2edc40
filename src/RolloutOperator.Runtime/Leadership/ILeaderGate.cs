namespace RolloutOperator.Runtime.Leadership;

/// <summary>Decides whether this instance may act (run controllers). Informers run regardless.</summary>
public interface ILeaderGate
{
    bool IsLeader { get; }

    /// <summary>Completes when this instance becomes leader (at once if it already is).</summary>
    Task WaitForLeadershipAsync(CancellationToken cancellationToken);

    /// <summary>Takes part in the election until the token is cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
