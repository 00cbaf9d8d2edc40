namespace RolloutOperator.Runtime.Leadership;

/// <summary>
/// The last line of defence for "only the leader writes": on the reconcile client, every request that can change
/// state is refused unless the gate says this instance leads right now, and a write in flight is cancelled the moment
/// leadership is revoked. Reads (lists, watches, gets) always pass: standbys keep their caches warm.
/// </summary>
public sealed class LeaderOnlyWritesHandler : DelegatingHandler
{
    private readonly ILeaderGate _gate;
    private readonly CancellationToken _revoked;

    public LeaderOnlyWritesHandler(ILeaderGate gate, CancellationToken revoked)
    {
        ArgumentNullException.ThrowIfNull(gate);
        _gate = gate;
        _revoked = revoked;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsRead(request.Method))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!_gate.IsLeader || _revoked.IsCancellationRequested)
        {
            throw new NotLeaderException($"Refused {request.Method} {request.RequestUri?.AbsolutePath}: this instance does not hold the leader lease.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _revoked);
        return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
    }

    private static bool IsRead(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;
}
