using static RolloutOperator.Core.Tests.Expressions.ConditionTestHelper;

namespace RolloutOperator.Core.Tests.Expressions;

public sealed class ConditionEvaluationTests
{
    public static TheoryData<string, string, double[], bool> TrueOrFalse => new()
    {
        { "single value compared to double", "result >= 0.99", [0.995], true },
        { "single value below threshold", "result >= 0.99", [0.81], false },
        { "cross-type comparison int literal", "result > 0", [0.5], true },
        { "cross-type equality", "result == 1", [1.0], true },
        { "multiplication before addition", "1 + 2 * 3 == 7", [], true },
        { "parentheses override precedence", "(1 + 2) * 3 == 9", [], true },
        { "subtraction is left associative", "10 - 4 - 3 == 3", [], true },
        { "integer division truncates", "7 / 2 == 3", [], true },
        { "modulus", "7 % 3 == 1", [], true },
        { "double arithmetic", "result * 100.0 >= 99.0", [0.995], true },
        { "unary minus", "-result < 0.0", [2.0], true },
        { "double negation", "!!true", [], true },
        { "and binds tighter than or", "true || false && false", [], true },
        { "relations bind tighter than and", "1 < 2 && 3 > 2", [], true },
        { "ternary picks then", "result > 0.5 ? result < 0.9 : false", [0.7], true },
        { "ternary picks else", "result > 0.5 ? false : true", [0.2], true },
        { "ternary is right associative", "false ? false : true ? true : false", [], true },
        { "results is always a list", "size(results) == 1", [0.3], true },
        { "result is a list for a vector", "size(result) == 2", [0.3, 0.4], true },
        { "size method form", "results.size() == 3", [1, 2, 3], true },
        { "indexing", "results[1] == 2.0", [1, 2, 3], true },
        { "all macro true", "results.all(x, x < 4.0)", [1, 2, 3], true },
        { "all macro false", "results.all(x, x < 3.0)", [1, 2, 3], false },
        { "all over empty list", "results.all(x, x > 100.0)", [], true },
        { "exists macro", "results.exists(x, x == 2.0)", [1, 2, 3], true },
        { "exists over empty list", "results.exists(x, x > 0.0)", [], false },
        { "nested macros see outer variable", "results.all(x, results.exists(y, y >= x))", [1, 2], true },
        { "macro variable shadows result", "results.all(result, result > 0.0)", [1, 2], true },
        { "isNaN on NaN", "isNaN(result)", [double.NaN], true },
        { "NaN compares false", "result >= 0.0 || result < 0.0", [double.NaN], false },
        { "NaN is not equal to itself", "result != result", [double.NaN], true },
        { "double division by zero is infinite", "result / 0.0 > 1000000.0", [1.0], true },
        { "abs of double", "abs(result) == 2.5", [-2.5], true },
        { "abs of int", "abs(-3) == 3", [], true },
        { "min", "min(results) == 1.0", [3, 1, 2], true },
        { "max", "max(results) == 3.0", [3, 1, 2], true },
        { "sum", "sum(results) == 6.0", [3, 1, 2], true },
        { "sum of empty list", "sum(results) == 0.0", [], true },
        { "avg", "avg(results) == 2.0", [3, 1, 2], true },
        { "heterogeneous equality is false", "result == true", [1.0], false },
        { "list equality", "results == results", [1, 2], true },
        { "false and error is false", "false && results[5] > 0.0", [1], false },
        { "error and false is false", "results[5] > 0.0 && false", [1], false },
        { "true or error is true", "results[5] > 0.0 || true", [1], true },
        { "exists ignores erroring elements when one matches", "results.exists(x, 1 / 0 == 0 || x == 2.0)", [2], true },
        { "exponent literal", "result < 1e-3", [0.0001], true },
    };

    [Theory]
    [MemberData(nameof(TrueOrFalse))]
    public void Evaluate_ValidExpression_ReturnsBool(string name, string text, double[] values, bool expected)
    {
        var result = Evaluate(text, values);

        Assert.False(result.IsError, $"{name}: {result.Error}");
        Assert.Equal(expected, result.Value);
    }

    public static TheoryData<string, string, double[], string> EvaluationErrors => new()
    {
        { "ordering a vector", "result >= 0.99", [0.5, 0.6], "no operator list >= double" },
        { "indexing a single value", "result[0] > 0.0", [0.5], "cannot index a double" },
        { "index out of range", "results[3] > 0.0", [1, 2], "index 3 out of range" },
        { "negative index", "results[-1] > 0.0", [1, 2], "index -1 out of range" },
        { "int division by zero", "1 / (size(results) - 1) == 0", [1], "division by zero" },
        { "int modulus by zero", "1 % (size(results) - 1) == 0", [1], "modulus by zero" },
        { "int overflow", "9223372036854775807 + size(results) > 0", [1], "int overflow" },
        { "macro over a single value", "result.all(x, x > 0.0)", [1], "all() applies to a list" },
        { "size of a single value", "size(result) == 1", [1], "size() applies to a list" },
        { "min of empty list", "min(results) > 0.0", [], "min() of an empty list" },
        { "avg of empty list", "avg(results) > 0.0", [], "avg() of an empty list" },
        { "and with error and true", "true && results[9] > 0.0", [1], "index 9 out of range" },
        { "ternary branches of different types", "(result > 0.0 ? 1 : true) == 1", [-1], "" },
        { "arithmetic on a vector", "result + 1.0 > 0.0", [1, 2], "no operator list + double" },
    };

    [Theory]
    [MemberData(nameof(EvaluationErrors))]
    public void Evaluate_TypeOrRangeProblem_ReturnsErrorWithoutThrowing(string name, string text, double[] values, string message)
    {
        var result = Evaluate(text, values);

        if (message.Length == 0)
        {
            // Heterogeneous equality: a bool compared with an int is false, not an error.
            Assert.False(result.IsError, name);
            return;
        }

        Assert.True(result.IsError, name);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NestedMacrosOverLargeVector_StopsAtStepBudget()
    {
        var values = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();

        var result = Evaluate("results.all(a, results.all(b, results.all(c, a + b + c >= 0.0)))", values);

        Assert.True(result.IsError);
        Assert.Contains("budget", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SameExpressionTwice_IsDeterministic()
    {
        var condition = Parse("results.exists(x, x > 0.5)");

        Assert.Equal(condition.Evaluate([0.1, 0.9]), condition.Evaluate([0.1, 0.9]));
        Assert.Equal("results.exists(x, x > 0.5)", condition.Text);
    }
}
