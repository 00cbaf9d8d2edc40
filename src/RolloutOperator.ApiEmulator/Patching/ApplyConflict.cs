namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>A field in an apply configuration that another manager owns with a different value.</summary>
internal sealed record ApplyConflict(string Manager, string ApiVersion, string Path);
