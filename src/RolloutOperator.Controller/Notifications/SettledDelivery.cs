namespace RolloutOperator.Controller.Notifications;

/// <summary>A delivery that will not be attempted again: delivered, failed after its last attempt, or dropped.</summary>
internal readonly record struct SettledDelivery(string Id, string Sink);
