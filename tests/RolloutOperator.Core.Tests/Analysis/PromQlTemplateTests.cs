using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Core.Tests.Analysis;

public sealed class PromQlTemplateTests
{
    private static readonly Dictionary<string, string> Builtins = new()
    {
        ["rollout.name"] = "checkout",
        ["rollout.namespace"] = "shop",
        ["revision.stable"] = "checkout-5d8f",
        ["revision.canary"] = "checkout-7b9c",
        ["service.stable"] = "checkout-stable",
        ["service.canary"] = "checkout-canary",
    };

    public static TheoryData<string, string, string, string> Rendered => new()
    {
        { "double quoted", "up{job=\"{{args.x}}\"}", "api", "up{job=\"api\"}" },
        { "single quoted", "up{job='{{args.x}}'}", "api", "up{job='api'}" },
        { "backtick", "up{job=`{{args.x}}`}", "a\\b", "up{job=`a\\b`}" },
        { "whitespace inside braces", "up{job=\"{{ args.x }}\"}", "api", "up{job=\"api\"}" },
        { "escapes quote and backslash", "up{job=\"{{args.x}}\"}", "a\"b\\c", "up{job=\"a\\\"b\\\\c\"}" },
        { "escapes newline and control", "up{job=\"{{args.x}}\"}", "a\nb\u0001", "up{job=\"a\\nb\\x01\"}" },
        { "other quote kind left alone", "up{job='{{args.x}}'}", "a\"b'c", "up{job='a\"b\\'c'}" },
        { "duration outside quotes", "rate(x[{{args.x}}])", "1h30m", "rate(x[1h30m])" },
        { "number outside quotes", "x > {{args.x}}", "0.99", "x > 0.99" },
        { "identifier outside quotes", "sum by ({{args.x}}) (x)", "pod_name", "sum by (pod_name) (x)" },
        { "quoted text before placeholder", "x{a=\"}\\\"\", b=\"{{args.x}}\"}", "v", "x{a=\"}\\\"\", b=\"v\"}" },
    };

    [Theory]
    [MemberData(nameof(Rendered))]
    public void Render_ValidPlaceholder_SubstitutesEncodedValue(string name, string template, string value, string expected)
    {
        var result = PromQlTemplate.Render(template, new Dictionary<string, string> { ["args.x"] = value });

        Assert.True(result.Succeeded, $"{name}: {string.Join("; ", result.Errors)}");
        Assert.Equal(expected, result.Query);
    }

    public static TheoryData<string, string, string, string> Rejected => new()
    {
        { "label matcher outside quotes", "up{job={{args.x}}}", "api\"} or vector(1)", "{{args.x}}: value is not a number, duration or identifier, so it must be used inside quotes" },
        { "space outside quotes", "x > {{args.x}}", "1 or 2", "must be used inside quotes" },
        { "signed number outside quotes", "x > {{args.x}}", "-1", "must be used inside quotes" },
        { "keyword outside quotes", "x {{args.x}} y", "OR", "must be used inside quotes" },
        { "empty value outside quotes", "x > {{args.x}}", "", "must be used inside quotes" },
        { "inside a comment", "x # {{args.x}}", "a\nvector(1)", "must be used inside quotes" },
        { "backtick in raw string", "up{job=`{{args.x}}`}", "a`b", "cannot be used inside a `raw string`" },
        { "unknown argument", "up{job=\"{{args.nope}}\"}", "x", "unknown placeholder {{args.nope}}" },
        { "unknown built-in", "up{job=\"{{rollout.uid}}\"}", "x", "unknown placeholder {{rollout.uid}}" },
        { "unterminated placeholder", "up{job=\"{{args.x\"}", "x", "unterminated placeholder at offset 8" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Render_UnsafeOrUnknown_ReturnsErrorAndNoQuery(string name, string template, string value, string error)
    {
        var result = PromQlTemplate.Render(template, new Dictionary<string, string> { ["args.x"] = value });

        Assert.Null(result.Query);
        Assert.True(result.Errors.Any(e => e.Contains(error, StringComparison.Ordinal)), $"{name}: {string.Join("; ", result.Errors)}");
    }

    [Fact]
    public void Render_BuiltIns_AreSubstituted()
    {
        var template = "rate(http_requests_total{namespace=\"{{rollout.namespace}}\", service=\"{{service.canary}}\", rev=\"{{revision.canary}}\"}[5m])";

        var result = PromQlTemplate.Render(template, Builtins);

        Assert.Equal("rate(http_requests_total{namespace=\"shop\", service=\"checkout-canary\", rev=\"checkout-7b9c\"}[5m])", result.Query);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Render_SeveralProblems_ReportsEach()
    {
        var result = PromQlTemplate.Render("x{a=\"{{args.a}}\"} > {{args.b}} + {{args.c}}", new Dictionary<string, string> { ["args.b"] = "1 or" });

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Placeholders_Template_ListsDistinctNamesInOrder()
    {
        var names = PromQlTemplate.Placeholders("x{a=\"{{ args.job }}\", b=\"{{rollout.name}}\"}[{{args.window}}] / y{a=\"{{args.job}}\"}");

        Assert.Equal(["args.job", "rollout.name", "args.window"], names);
    }
}
