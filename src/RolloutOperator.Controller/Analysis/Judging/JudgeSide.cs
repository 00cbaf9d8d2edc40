namespace RolloutOperator.Controller.Analysis.Judging;

/// <summary>One side's answer to a judged metric's query: its non-NaN samples, or why there are none.</summary>
internal sealed record JudgeSide(IReadOnlyList<double> Values, string? Error, string? Shown)
{
    public static JudgeSide Failed(string error, string? shown) => new([], error, shown);
}
