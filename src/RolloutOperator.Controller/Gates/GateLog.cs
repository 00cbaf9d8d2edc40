using Microsoft.Extensions.Logging;

namespace RolloutOperator.Controller.Gates;

internal static partial class GateLog
{
    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Webhook {Webhook} ({Type}, {Scope}) answered: passed={Passed} {Answer}")]
    public static partial void Called(ILogger logger, string webhook, RolloutOperator.Core.Api.WebhookType type, string scope, bool passed, string answer);
}
