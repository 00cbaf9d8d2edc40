namespace RolloutOperator.Core.Expressions;

internal sealed class CompiledCondition(string text, Node root) : IConditionExpression
{
    public string Text { get; } = text;

    public ConditionResult Evaluate(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = root.Eval(Scope.ForMeasurement(values));
        if (result.IsError)
        {
            return ConditionResult.Fail(result.Error!);
        }

        return result.Value.Kind == ValueKind.Bool
            ? ConditionResult.Ok(result.Value.Bool)
            : ConditionResult.Fail($"a condition must be a bool, got {result.Value.TypeName}");
    }

    public override string ToString() => Text;
}
