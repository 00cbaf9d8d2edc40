namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// A version number that every watch event bumps. Pages waiting for news remember the version they rendered and wake
/// when it moves, so a burst of events becomes one re-render and nobody misses a change made while rendering.
/// </summary>
internal sealed class ChangeFeed
{
    private readonly Lock _gate = new();
    private long _version;
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public void Notify()
    {
        TaskCompletionSource woken;
        lock (_gate)
        {
            _version++;
            woken = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        woken.TrySetResult();
    }

    /// <summary>Returns once the version differs from <paramref name="seen"/>.</summary>
    public Task WaitAsync(long seen, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _version != seen ? Task.CompletedTask : _next.Task.WaitAsync(cancellationToken);
        }
    }
}
