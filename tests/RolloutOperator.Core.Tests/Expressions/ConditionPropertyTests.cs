using CsCheck;
using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Tests.Expressions;

public sealed class ConditionPropertyTests
{
    private static readonly string[] Fragments =
    [
        "result", "results", "x", "1", "0", "-1", "0.5", "1e308", "9223372036854775807", "true", "false",
        "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "?", ":", "(", ")", "[", "]",
        ",", ".", "size", "all", "exists", "isNaN", "abs", "min", "max", "sum", "avg", "results.all(x, ",
        "results.exists(x, ", "size(results)", "results[0]", "result[1]", " ",
    ];

    private static readonly Gen<string> Expressions =
        Gen.OneOf(Fragments.Select(Gen.Const).ToArray()).Array[1, 40].Select(parts => string.Join(" ", parts));

    private static readonly Gen<double> Values =
        Gen.Frequency((6, Gen.Double), (1, Gen.Const(double.NaN)), (1, Gen.Const(double.PositiveInfinity)), (1, Gen.Const(-0.0)));

    [Fact]
    public void Evaluate_GeneratedExpressionsAndValues_NeverThrows()
    {
        Gen.Select(Expressions, Values.Array[0, 6]).Sample((text, values) =>
        {
            if (ConditionLanguage.TryParse(text, out var expression, out var error))
            {
                var result = expression.Evaluate(values);
                Assert.True(result.IsError == (result.Error is not null));
            }
            else
            {
                Assert.Matches(@"^column \d+: ", error);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Evaluate_WellTypedComparisons_NeverThrow()
    {
        var ops = Gen.OneOf(Gen.Const("<"), Gen.Const("<="), Gen.Const(">"), Gen.Const(">="), Gen.Const("=="), Gen.Const("!="));
        Gen.Select(ops, Gen.Double[-1e6, 1e6], Values.Array[0, 4]).Sample((op, threshold, values) =>
        {
            var text = $"results.all(x, x {op} {threshold.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)})";
            Assert.True(ConditionLanguage.TryParse(text, out var expression, out var error), error);
            var result = expression.Evaluate(values);
            Assert.False(result.IsError, result.Error);
        });
    }
}
