namespace RolloutOperator.Hosting;

/// <summary>
/// Why the process ends. Losing the lease ends it with a non-zero code: the controllers may hold state from the time
/// they led, and a restart (by the kubelet) is the clean way to rejoin the election as a follower.
/// </summary>
internal sealed class OperatorExit : IDisposable
{
    public const int LeadershipLostCode = 3;
    public const int FailedCode = 1;
    private readonly CancellationTokenSource _leadershipLost = new();
    private int _code;

    public int ExitCode => Volatile.Read(ref _code);

    public bool IsLeadershipLost => _leadershipLost.IsCancellationRequested;

    /// <summary>Cancelled the moment leadership is lost, so no reconcile writes as a non-leader.</summary>
    public CancellationToken LeadershipLostToken => _leadershipLost.Token;

    internal void LeadershipLost()
    {
        Interlocked.CompareExchange(ref _code, LeadershipLostCode, 0);
        _leadershipLost.Cancel();
    }

    internal void Failed() => Interlocked.CompareExchange(ref _code, FailedCode, 0);

    public void Dispose() => _leadershipLost.Dispose();
}
