using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>A value substituted into the operand of =~ or !~ is a regular expression too: it must match only itself.</summary>
public sealed class PromQlRegexMatcherTests
{
    public static TheoryData<string, string, string, string> Rendered => new()
    {
        { "regex operand, double quotes", "x{code=~\"{{args.v}}\"}", "5..", "x{code=~\"5\\\\.\\\\.\"}" },
        { "negated regex operand", "x{code!~\"{{args.v}}\"}", "a|b", "x{code!~\"a\\\\|b\"}" },
        { "regex operand after spaces", "x{code =~ '{{args.v}}'}", ".*", "x{code =~ '\\\\.\\\\*'}" },
        { "regex operand, raw string", "x{code=~`{{args.v}}`}", "(a)+", "x{code=~`\\(a\\)\\+`}" },
        { "regex operand with fixed prefix", "x{pod=~\"web-{{args.v}}-.*\"}", "a.b", "x{pod=~\"web-a\\\\.b-.*\"}" },
        { "equality operand untouched", "x{code=\"{{args.v}}\"}", "5..", "x{code=\"5..\"}" },
        { "string after a regex matcher untouched", "x{a=~\"b\", c=\"{{args.v}}\"}", "5..", "x{a=~\"b\", c=\"5..\"}" },
    };

    [Theory]
    [MemberData(nameof(Rendered))]
    public void Render_ValueInRegexOperand_IsQuotedForRe2(string name, string template, string value, string expected)
    {
        var result = PromQlTemplate.Render(template, new Dictionary<string, string> { ["args.v"] = value });

        Assert.True(result.Succeeded, name + ": " + string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Query);
    }

    [Theory]
    [InlineData("and\n")]
    [InlineData("or\n")]
    [InlineData("5m\n")]
    [InlineData("0.99\n")]
    [InlineData("pod\n")]
    public void Render_BareValueWithTrailingNewline_IsRejected(string value)
    {
        // "$" matched before a final newline, so "and\n" passed as an identifier and slipped past the keyword check.
        var result = PromQlTemplate.Render("x > {{args.v}} on() y", new Dictionary<string, string> { ["args.v"] = value });

        Assert.False(result.Succeeded);
    }
}
