using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Reconciliation;

internal static partial class ReconcileLog
{
    public static IDisposable? Scope(ILogger logger, string ns, string rollout, string? revision, int? step) =>
        logger.BeginScope(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["namespace"] = ns,
            ["rollout"] = rollout,
            ["revision"] = revision,
            ["step"] = step,
        });

    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Rollout {Key} is gone; nothing to do")]
    public static partial void Gone(ILogger logger, RolloutOperator.Runtime.Informers.ObjectKey key);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Rollout is being deleted; finalizing")]
    public static partial void Finalizing(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Invalid spec: {Errors}")]
    public static partial void InvalidSpec(ILogger logger, string errors);

    public static void Decided(ILogger logger, IReadOnlyList<RolloutOperator.Core.Engine.RolloutAction> actions, RolloutOperator.Core.Api.RolloutPhase? phase, TimeSpan? requeueAfter)
    {
        if (actions.Count > 0 ? logger.IsEnabled(LogLevel.Information) : logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // Guarded by IsEnabled just above.
            Decided(logger, actions.Count > 0 ? LogLevel.Information : LogLevel.Debug, actions.Count, string.Join("; ", actions), phase, requeueAfter);
#pragma warning restore CA1873
        }
    }

    [LoggerMessage(EventId = 4003, Message = "Decided {ActionCount} action(s): {Actions}; phase {Phase}, requeue after {RequeueAfter}")]
    private static partial void Decided(ILogger logger, LogLevel level, int actionCount, string actions, RolloutOperator.Core.Api.RolloutPhase? phase, TimeSpan? requeueAfter);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Rollout changed while reconciling (409); re-reading, attempt {Attempt}")]
    public static partial void Conflict(ILogger logger, int attempt);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Status unchanged; no write")]
    public static partial void StatusUnchanged(ILogger logger);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Write rejected: {Rejection}; reported on the Rollout, retrying with backoff")]
    public static partial void WriteRejected(ILogger logger, string rejection);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Could not record the rejected write in status")]
    public static partial void RejectionNotRecorded(ILogger logger, Exception exception);
}
