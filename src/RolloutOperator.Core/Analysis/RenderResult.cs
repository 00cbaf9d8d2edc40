namespace RolloutOperator.Core.Analysis;

// Query is null exactly when Errors is non-empty.
public sealed record RenderResult(string? Query, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Query is not null;
}
