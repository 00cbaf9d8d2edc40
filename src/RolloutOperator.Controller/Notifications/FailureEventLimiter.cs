using System.Collections.Concurrent;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Notifications;

/// <summary>At most one NotificationFailed Event per Rollout and sink per interval: a dead sink must not flood the Rollout's Events.</summary>
internal sealed class FailureEventLimiter(TimeSpan interval, TimeProvider time)
{
    private readonly ConcurrentDictionary<(ObjectKey Key, string Sink), DateTimeOffset> _last = new();

    public bool ShouldReport(ObjectKey key, string sink)
    {
        var now = time.GetUtcNow();
        var reported = false;
        _last.AddOrUpdate(
            (key, sink),
            _ =>
            {
                reported = true;
                return now;
            },
            (_, last) =>
            {
                reported = now - last >= interval;
                return reported ? now : last;
            });
        return reported;
    }

    public void Forget(ObjectKey key)
    {
        foreach (var entry in _last.Keys.Where(k => k.Key == key))
        {
            _last.TryRemove(entry, out _);
        }
    }
}
