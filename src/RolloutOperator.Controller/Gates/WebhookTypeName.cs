using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Gates;

/// <summary>The wire name of a webhook type, as written in spec.webhooks[].type.</summary>
internal static class WebhookTypeName
{
    public static string Of(WebhookType type) => ApiJson.Serialize(type).Trim('"');
}
