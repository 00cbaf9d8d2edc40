namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>One write and the 422 cause the API server returns for it (field, reason, exact message).</summary>
public sealed record ApiValidationCase(string Path, string Body, string Field, string Reason, string Message);
