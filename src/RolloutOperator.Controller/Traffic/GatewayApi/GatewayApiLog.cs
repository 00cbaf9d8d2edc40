using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

internal static partial class GatewayApiLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Patched {Route}: canary weight {Weight}, {Operations} operations")]
    public static partial void Patched(ILogger logger, RouteTarget route, int weight, int operations);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Route} changed while patching (attempt {Attempt}, HTTP {Status}); re-reading")]
    public static partial void Retrying(ILogger logger, RouteTarget route, int attempt, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Route} not found; nothing to reset")]
    public static partial void MissingOnReset(ILogger logger, RouteTarget route);
}
