using Microsoft.Extensions.Logging;

namespace RolloutOperator.TrafficSimulator;

internal static partial class SimulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Serving metrics on {Uri} for rollout {Namespace}/{Rollout} at {Rate} requests/s")]
    public static partial void Started(ILogger logger, Uri uri, string @namespace, string rollout, double rate);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Traffic split now {Split}")]
    public static partial void SplitChanged(ILogger logger, string split);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Reading the rollout failed; keeping the previous split")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
