using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Tests.Expressions;

internal static class ConditionTestHelper
{
    public static IConditionExpression Parse(string text)
    {
        Assert.True(ConditionLanguage.TryParse(text, out var expression, out var error), error);
        return expression;
    }

    public static ConditionResult Evaluate(string text, params double[] values) => Parse(text).Evaluate(values);
}
