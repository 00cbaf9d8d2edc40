using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Traffic.Alb;

internal static partial class AlbLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Set ALB action {Key} on Ingress {Namespace}/{Name}: canary weight {Weight}")]
    public static partial void Patched(ILogger logger, string key, string @namespace, string name, int weight);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingress {Namespace}/{Name} changed while writing the ALB action (attempt {Attempt}); re-reading")]
    public static partial void Retrying(ILogger logger, string @namespace, string name, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingress {Namespace}/{Name} is gone; nothing to reset")]
    public static partial void MissingOnReset(ILogger logger, string @namespace, string name);
}
