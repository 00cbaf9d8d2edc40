using k8s.LeaderElection;

namespace RolloutOperator.Runtime.Leadership;

/// <summary>
/// Passes every call to the real lock and reports when a successful create or update of our record was *started*.
/// The start is the safe reference point: the API server stored the record no earlier, so no standby can see the
/// lease expire before start + lease duration.
/// </summary>
internal sealed class RenewTrackingLock(ILock inner, TimeProvider time, Action<DateTimeOffset> onRenewed) : ILock
{
    public string Identity => inner.Identity;

    public Task<LeaderElectionRecord> GetAsync(CancellationToken cancellationToken = default) => inner.GetAsync(cancellationToken);

    public Task<bool> CreateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        TrackAsync(ct => inner.CreateAsync(record, ct), record, cancellationToken);

    public Task<bool> UpdateAsync(LeaderElectionRecord record, CancellationToken cancellationToken = default) =>
        TrackAsync(ct => inner.UpdateAsync(record, ct), record, cancellationToken);

    public string Describe() => inner.Describe();

    private async Task<bool> TrackAsync(Func<CancellationToken, Task<bool>> write, LeaderElectionRecord record, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var written = await write(cancellationToken).ConfigureAwait(false);
        if (written && record.HolderIdentity == inner.Identity)
        {
            onRenewed(startedAt);
        }

        return written;
    }
}
