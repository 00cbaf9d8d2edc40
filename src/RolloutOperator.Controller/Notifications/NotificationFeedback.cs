using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Events;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Notifications;

/// <summary>
/// The dispatcher's way back into the controller: a requeue (so the next reconcile folds the outcome into status) and the
/// NotificationFailed Warning Event. The Event text names the sink and the error (already scrubbed of Secret values),
/// never an address with its query or a header.
/// </summary>
internal sealed class NotificationFeedback
{
    public const string FailedReason = "NotificationFailed";

    private readonly Action<ObjectKey> _requeue;
    private readonly EventRecorder? _events;

    public NotificationFeedback(Action<ObjectKey> requeue, EventRecorder? events)
    {
        _requeue = requeue;
        _events = events;
    }

    public static NotificationFeedback None { get; } = new(_ => { }, null);

    public void Requeue(ObjectKey key) => _requeue(key);

    public async Task ReportAsync(ObjectKey key, RolloutIdentity rollout, string message, CancellationToken cancellationToken)
    {
        if (_events is null)
        {
            return;
        }

        var regarding = new Rollout
        {
            Metadata = new k8s.Models.V1ObjectMeta { Name = key.Name, NamespaceProperty = key.Namespace, Uid = rollout.Uid },
        };
        try
        {
            await _events.RecordAsync(regarding, new RolloutEvent(EventSeverity.Warning, FailedReason, message), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the failure is in the metric and the log already.
        }
        catch (RolloutOperator.Runtime.Leadership.NotLeaderException)
        {
            // Not leading any more (writes refused): the next leader retries the outbox.
        }
        catch (HttpRequestException)
        {
            // The API server is unreachable: the failure is in the metric and the log already.
        }
    }
}
