using Microsoft.Extensions.Logging;

namespace RolloutOperator.Hosting;

internal static partial class HostLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Operator {Identity} starting; namespaces {Namespaces}, leader election {LeaderElect}")]
    public static partial void Starting(ILogger logger, string identity, string namespaces, bool leaderElect);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Caches synced; waiting for leadership")]
    public static partial void Synced(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Leading: starting reconciles")]
    public static partial void Leading(ILogger logger);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Leadership lost: stopping all work and exiting")]
    public static partial void LeadershipLost(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Critical, Message = "Operator failed; exiting")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Serving /healthz, /readyz and /metrics on {Address}")]
    public static partial void Serving(ILogger logger, Uri address);
}
