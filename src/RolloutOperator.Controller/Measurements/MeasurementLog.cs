using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Measurements;

// Names and reasons only, never argument values or rendered queries (an argument may come from a Secret).
internal static partial class MeasurementLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Measured {Analysis}/{Metric} of revision {Revision}: {Count} value(s)")]
    public static partial void Measured(ILogger logger, string analysis, string metric, string revision, int count);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Measurement {Analysis}/{Metric} of revision {Revision} is an error: {Error}")]
    public static partial void Errored(ILogger logger, string analysis, string metric, string revision, string error);
}
