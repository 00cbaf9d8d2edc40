namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>A canary step of a fleet member: a weight in percent, a pause in seconds, or an analysis.</summary>
internal sealed record FleetStep(FleetStepKind Kind, int Value);
