using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class LabelSelectorFormatterTests
{
    private static readonly Dictionary<string, (LabelSelector Selector, string Expected)> Cases = new()
    {
        ["single label"] = (Selector(new() { ["app"] = "demo" }), "app=demo"),
        ["labels sorted by key"] = (Selector(new() { ["tier"] = "web", ["app"] = "demo" }), "app=demo,tier=web"),
        ["in with sorted values"] = (Selector(new() { ["app"] = "demo" }, Requirement("tier", LabelSelectorOperator.In, "b", "a")), "app=demo,tier in (a,b)"),
        ["notin"] = (Selector(null, Requirement("env", LabelSelectorOperator.NotIn, "prod")), "env notin (prod)"),
        ["exists and does not exist"] = (Selector(null, Requirement("canary", LabelSelectorOperator.DoesNotExist), Requirement("app", LabelSelectorOperator.Exists)), "app,!canary"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Format_Selector_IsDeterministicString(string name)
    {
        var (selector, expected) = Cases[name];

        Assert.Equal(expected, LabelSelectorFormatter.Format(selector));
    }

    [Fact]
    public void Parse_SelectorWithExpressions_PlanCarriesSelectorString()
    {
        var spec = Specs.Canary().Mutate(s => s.Selector!.MatchExpressions = [Requirement("tier", LabelSelectorOperator.In, "web", "api")]);

        var plan = SpecParser.Parse(spec, Specs.Context()).Plan!;

        Assert.Equal("app=demo,tier in (api,web)", plan.Selector);
    }

    private static LabelSelector Selector(Dictionary<string, string>? labels, params LabelSelectorRequirement[] requirements) =>
        new() { MatchLabels = labels, MatchExpressions = requirements.Length == 0 ? null : [.. requirements] };

    private static LabelSelectorRequirement Requirement(string key, LabelSelectorOperator op, params string[] values) =>
        new() { Key = key, Operator = op, Values = values.Length == 0 ? null : [.. values] };
}
