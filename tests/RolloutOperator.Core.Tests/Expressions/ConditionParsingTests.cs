using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Tests.Expressions;

public sealed class ConditionParsingTests
{
    public static TheoryData<string, string, string> SyntaxErrors => new()
    {
        { "empty", "", "column 1: expected a value, found end of expression" },
        { "dangling operator", "result >=", "column 10: expected a value, found end of expression" },
        { "unbalanced parenthesis", "(result > 1.0", "column 14: expected ')'" },
        { "extra closing parenthesis", "result > 1.0)", "column 13: expected an operator, found ')'" },
        { "unknown variable", "value > 1.0", "column 1: unknown variable 'value'" },
        { "unknown function", "median(results) > 1.0", "column 1: unknown function 'median'" },
        { "unknown method", "results.map(x, x)", "column 9: unknown method 'map'" },
        { "wrong arity", "abs(result, 1.0) > 0.0", "column 1: abs() takes 1 argument, got 2" },
        { "string literal", "result == \"a\"", "column 11: string literals are not supported" },
        { "stray character", "result $ 1", "column 8: unexpected character '$'" },
        { "single ampersand", "true & false", "column 6: unexpected character '&'" },
        { "malformed exponent", "result > 1e", "column 11: malformed exponent" },
        { "int literal out of range", "result > 99999999999999999999", "column 10: integer literal 99999999999999999999 is out of range" },
        { "int times double is not CEL", "result * 100 > 5.0", "column 8: int and double do not mix" },
        { "double modulus", "result % 2.0 == 0.0", "column 8: operator % applies to ints only" },
        { "not a bool", "result + 1.0", "column 1: a condition must be a bool, got double" },
        { "number operand of and", "result && true", "column 8: the left operand of && must be a bool, got double or list" },
        { "negating a bool", "-true", "column 1: unary - applies to a number, got bool" },
        { "not of a number", "!1", "column 1: the operand of ! must be a bool, got int" },
        { "ordering bools", "true < false", "column 6: operator < applies to numbers only" },
        { "size of a number", "size(1) == 1", "column 1: size() applies to a list, got int" },
        { "isNaN of int", "isNaN(1)", "column 1: isNaN() applies to a double, got int" },
        { "macro without variable", "results.all(1, true)", "column 13: expected an iteration variable" },
        { "macro with non-bool predicate", "results.all(x, x)", "column 9: the predicate of all() must be a bool, got double" },
        { "indexing a bool", "true[0]", "column 5: indexing applies to a list, got bool" },
        { "ternary missing colon", "true ? true", "column 12: expected ':'" },
        { "uint literal", "result > 1u", "column 11: unexpected character 'u' after number" },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void TryParse_InvalidExpression_ReportsColumn(string name, string text, string expected)
    {
        var ok = ConditionLanguage.TryParse(text, out var expression, out var error);

        Assert.False(ok, name);
        Assert.Null(expression);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TextLongerThanLimit_IsRejected()
    {
        var text = "result > 0.5" + new string(' ', ConditionLanguage.MaxLength);

        Assert.False(ConditionLanguage.TryParse(text, out _, out var error));
        Assert.Contains("at most 1024 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TextAtLimit_IsAccepted()
    {
        var text = "result > 0.5" + new string(' ', ConditionLanguage.MaxLength - 12);

        Assert.True(ConditionLanguage.TryParse(text, out _, out var error), error);
    }

    [Theory]
    [InlineData("parentheses", "(", ")", "true")]
    [InlineData("negations", "!", "", "true")]
    [InlineData("unary minus", "-", "", "1 == 1")]
    public void TryParse_NestingBeyondDepthLimit_IsRejected(string name, string open, string close, string inner)
    {
        var deep = string.Concat(Enumerable.Repeat(open, ConditionLanguage.MaxDepth + 1)) + inner
            + string.Concat(Enumerable.Repeat(close, ConditionLanguage.MaxDepth + 1));

        Assert.False(ConditionLanguage.TryParse(deep, out _, out var error), name);
        Assert.Contains("nests deeper than 64", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LongOperatorChain_IsRejectedByTreeHeight()
    {
        var chain = string.Join(" + ", Enumerable.Repeat("1", 100)) + " > 0";

        Assert.False(ConditionLanguage.TryParse(chain, out _, out var error));
        Assert.Contains("nests deeper than 64", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ModerateNesting_IsAccepted()
    {
        var nested = new string('(', 20) + "result > 0.5" + new string(')', 20);

        Assert.True(ConditionLanguage.TryParse(nested, out var expression, out var error), error);
        Assert.Equal(nested, expression.Text);
    }
}
