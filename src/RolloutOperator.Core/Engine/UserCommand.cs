namespace RolloutOperator.Core.Engine;

/// <summary>An imperative command, scoped to the revision it was issued for, with an id so it is processed once.</summary>
public sealed record UserCommand(CommandKind Kind, string Revision, string Id);
