namespace RolloutOperator.Core.Expressions;

// Evaluation reports errors as values so that a bad measurement can never throw out of the judge.
internal readonly record struct EvalResult(Value Value, string? Error)
{
    public static EvalResult Ok(Value value) => new(value, null);

    public static EvalResult Ok(long value) => new(Value.Of(value), null);

    public static EvalResult Ok(double value) => new(Value.Of(value), null);

    public static EvalResult Ok(bool value) => new(Value.Of(value), null);

    public static EvalResult Fail(string error) => new(default, error);

    public bool IsError => Error is not null;
}
