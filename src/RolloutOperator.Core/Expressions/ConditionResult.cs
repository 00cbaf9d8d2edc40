namespace RolloutOperator.Core.Expressions;

/// <summary>The outcome of a condition: a boolean, or an evaluation error (wrong type, index out of range).</summary>
public readonly record struct ConditionResult(bool Value, string? Error)
{
    public static ConditionResult Ok(bool value) => new(value, null);

    public static ConditionResult Fail(string error) => new(false, error);

    public bool IsError => Error is not null;
}
