using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.PrometheusProvider;

// Addresses and errors only: queries may carry argument values and headers carry credentials, so neither is logged.
internal static partial class PrometheusLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Prometheus {Address}: attempt {Retry} after transient failure: {Error}")]
    public static partial void Retrying(ILogger logger, string address, int retry, string error);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Prometheus {Address}: measurement failed: {Error}")]
    public static partial void Failed(ILogger logger, string address, string error);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Prometheus {Address}: circuit opened after {Failures} consecutive failures; failing fast for {OpenFor}")]
    public static partial void CircuitOpened(ILogger logger, string address, int failures, TimeSpan openFor);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Prometheus {Address}: answering again; circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string address);
}
