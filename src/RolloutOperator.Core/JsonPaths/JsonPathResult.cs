namespace RolloutOperator.Core.JsonPaths;

/// <summary>The numbers a JSON path selected; empty is no data. <see cref="Error"/> set: a selected value is not a number.</summary>
public sealed record JsonPathResult(IReadOnlyList<double> Values, string? Error)
{
    public static JsonPathResult Failed(string error) => new([], error);
}
