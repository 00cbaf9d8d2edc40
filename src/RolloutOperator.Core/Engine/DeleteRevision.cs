namespace RolloutOperator.Core.Engine;

/// <summary>Remove a scaled-down revision beyond the history limit.</summary>
public sealed record DeleteRevision(string Revision) : RolloutAction;
