using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Events;

internal static partial class EventLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Event {Type} {Reason}: {Note}")]
    public static partial void Recording(ILogger logger, RolloutOperator.Core.Engine.EventSeverity type, string reason, string note);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Could not write event {Reason} (HTTP {StatusCode}); dropped")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string reason, int statusCode);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Event {Reason} throttled (HTTP 429); dropped")]
    public static partial void Throttled(ILogger logger, string reason);
}
