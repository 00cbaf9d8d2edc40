namespace RolloutOperator.Controller.Notifications;

/// <summary>What an event webhook's body says about the Rollout besides the Event: the fields every webhook call carries.</summary>
internal sealed record EventHookState(string Phase, string? StableRevision, int? StepCount);
