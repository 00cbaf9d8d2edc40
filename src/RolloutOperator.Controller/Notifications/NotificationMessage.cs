using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Notifications;

/// <summary>A rendered request body with its content type and the headers the format itself needs (CloudEvents binary mode).</summary>
internal sealed record NotificationMessage(string Body, string ContentType, IReadOnlyList<OutboundHeader> Headers);
