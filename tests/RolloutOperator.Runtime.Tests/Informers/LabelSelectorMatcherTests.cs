using k8s.Models;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Runtime.Tests.Informers;

public sealed class LabelSelectorMatcherTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("In", "web", true)]
    [InlineData("In", "db", false)]
    [InlineData("NotIn", "web", false)]
    [InlineData("NotIn", "db", true)]
    [InlineData("Exists", null, true)]
    [InlineData("DoesNotExist", null, false)]
    [InlineData("Bogus", "web", false)]
    public void Matches_ExpressionOnApp_FollowsOperatorSemantics(string op, string? value, bool expected)
    {
        var selector = new V1LabelSelector
        {
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "app", OperatorProperty = op, Values = value is null ? null : [value] }],
        };

        Assert.Equal(expected, LabelSelectorMatcher.Matches(selector, Labels));
    }

    [Fact]
    public void Matches_EmptySelector_MatchesEverything()
    {
        Assert.True(LabelSelectorMatcher.Matches(new V1LabelSelector(), null));
    }

    [Fact]
    public void Matches_MatchLabelMissing_DoesNotMatch()
    {
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["zone"] = "a" } };

        Assert.False(LabelSelectorMatcher.Matches(selector, Labels));
    }
}
