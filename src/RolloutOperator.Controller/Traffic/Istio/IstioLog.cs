using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Traffic.Istio;

internal static partial class IstioLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Patched {Object}: {Operations} operations")]
    public static partial void Patched(ILogger logger, IstioObjectRef @object, int operations);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Object} changed while patching (attempt {Attempt}, HTTP {Status}); re-reading")]
    public static partial void Retrying(ILogger logger, IstioObjectRef @object, int attempt, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Object} not found; nothing to reset")]
    public static partial void MissingOnReset(ILogger logger, IstioObjectRef @object);
}
