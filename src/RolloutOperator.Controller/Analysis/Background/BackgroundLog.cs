using Microsoft.Extensions.Logging;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Analysis.Background;

internal static partial class BackgroundLog
{
    [LoggerMessage(EventId = 4030, Level = LogLevel.Debug, Message = "Background measurement {Measurement} of {Rollout} finished (ok: {Ok}); waking the Rollout")]
    public static partial void Finished(ILogger logger, ObjectKey rollout, string measurement, bool ok);
}
