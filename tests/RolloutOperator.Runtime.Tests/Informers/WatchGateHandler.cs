namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>Holds new watch requests while paused, to create changes an informer cannot see live.</summary>
internal sealed class WatchGateHandler : DelegatingHandler
{
    private TaskCompletionSource _open = Opened();
    private int _listRequests;

    public int ListRequests => Volatile.Read(ref _listRequests);

    public void Pause() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Resume() => _open.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = request.RequestUri?.Query ?? string.Empty;
        if (query.Contains("watch=true", StringComparison.Ordinal))
        {
            await _open.Task.WaitAsync(cancellationToken);
        }
        else if (request.Method == HttpMethod.Get)
        {
            Interlocked.Increment(ref _listRequests);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}
