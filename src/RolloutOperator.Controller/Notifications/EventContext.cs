namespace RolloutOperator.Controller.Notifications;

/// <summary>What the decided status says about the events of one reconcile: the revision, the step and the (whole-second) time.</summary>
internal sealed record EventContext(string? Revision, int? Step, DateTimeOffset Time);
