using System.Net;
using k8s;
using k8s.Autorest;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Sandbox.Progress;

/// <summary>
/// Reads one Rollout a few times a second and reports each visible change until a condition holds. A viewer's poll,
/// not a controller's: it changes nothing, and a short interval keeps every step of a fast demo on screen.
/// </summary>
internal sealed class RolloutPoller(IKubernetes client, string @namespace, string name, TimeProvider time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public async Task<RolloutProgress> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rollout = await client.CustomObjects.GetNamespacedCustomObjectAsync<Rollout>(
                ApiGroup.Name, ApiGroup.Version, @namespace, CustomResources.Rollout.Plural, name, cancellationToken).ConfigureAwait(false);
            return RolloutProgress.From(rollout);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return RolloutProgress.Missing;
        }
    }

    /// <summary>
    /// Reports changes until <paramref name="done"/> holds; Done is false when <paramref name="timeout"/> elapsed or
    /// <paramref name="stop"/> (an outcome that makes waiting pointless) held first, and the caller says what was expected.
    /// </summary>
    public async Task<(RolloutProgress Last, bool Done)> WaitAsync(
        IProgressSink sink, Func<RolloutProgress, bool> done, TimeSpan timeout, CancellationToken cancellationToken, Func<RolloutProgress, bool>? stop = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(done);
        var started = time.GetTimestamp();
        string? shown = null;
        while (true)
        {
            var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
            var line = SnapshotText.Line(snapshot);
            if (line != shown)
            {
                shown = line;
                sink.Report(snapshot);
            }

            if (done(snapshot))
            {
                return (snapshot, true);
            }

            if (time.GetElapsedTime(started) > timeout || (stop?.Invoke(snapshot) ?? false))
            {
                return (snapshot, false);
            }

            await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
