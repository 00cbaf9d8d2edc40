using Microsoft.Extensions.Logging;

namespace RolloutOperator.Runtime.Controllers;

internal static partial class ControllerLog
{
    private static readonly Func<ILogger, string, string, long, IDisposable?> ReconcileScopeFactory =
        LoggerMessage.DefineScope<string, string, long>(
            "Controller={Controller} Key={Key} ReconcileId={ReconcileId}");

    public static IDisposable? ReconcileScope(ILogger logger, string controller, string key, long reconcileId) =>
        ReconcileScopeFactory(logger, controller, key, reconcileId);

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Controller {Controller} starting {Workers} workers")]
    public static partial void Starting(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
    public static partial void Stopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Reconciled {Key} in {ElapsedMs} ms ({Outcome})")]
    public static partial void Reconciled(ILogger logger, string key, double elapsedMs, string outcome);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Reconcile of {Key} failed; retry {Retry} with backoff")]
    public static partial void Failed(ILogger logger, Exception exception, string key, int retry);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Reconcile of {Key} timed out after {Timeout}; retrying with backoff")]
    public static partial void TimedOut(ILogger logger, string key, TimeSpan timeout);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Reconcile of {Key} failed terminally; not retried until the key is added again")]
    public static partial void Terminal(ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Worker of controller {Controller} hit an unexpected error; continuing")]
    public static partial void WorkerError(ILogger logger, Exception exception, string controller);
}
