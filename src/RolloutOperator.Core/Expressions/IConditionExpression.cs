namespace RolloutOperator.Core.Expressions;

/// <summary>A compiled, side-effect-free condition over a measurement's values.</summary>
public interface IConditionExpression
{
    string Text { get; }

    ConditionResult Evaluate(IReadOnlyList<double> values);
}
