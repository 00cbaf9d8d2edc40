using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Traffic.Nginx;

internal static partial class NginxLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied canary Ingress {Namespace}/{Name}: canary weight {Weight}")]
    public static partial void Applied(ILogger logger, string @namespace, string name, int weight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stable Ingress of {Namespace}/{Name} is gone; deleted the canary Ingress on reset")]
    public static partial void DeletedOrphan(ILogger logger, string @namespace, string name);
}
