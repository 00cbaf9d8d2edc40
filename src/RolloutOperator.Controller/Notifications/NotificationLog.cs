using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Notifications;

internal static partial class NotificationLog
{
    [LoggerMessage(EventId = 4700, Level = LogLevel.Information, Message = "Notification {Id} delivered to sink {Sink} of {Namespace}/{Rollout} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string id, string sink, string @namespace, string rollout, int attempts);

    [LoggerMessage(EventId = 4701, Level = LogLevel.Warning, Message = "Notification {Id} to sink {Sink} of {Namespace}/{Rollout} failed (attempt {Attempt}): {Error}")]
    public static partial void AttemptFailed(ILogger logger, string id, string sink, string @namespace, string rollout, int attempt, string error);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "Notification {Id} to sink {Sink} of {Namespace}/{Rollout} dropped: {Why}")]
    public static partial void Dropped(ILogger logger, string id, string sink, string @namespace, string rollout, string why);
}
