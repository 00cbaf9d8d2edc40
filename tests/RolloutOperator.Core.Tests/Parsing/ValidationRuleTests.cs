using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class ValidationRuleTests
{
    public static TheoryData<string> RolloutCases => Names(RolloutValidationCases.All);

    public static TheoryData<string> CanaryCases => Names(CanaryValidationCases.All);

    public static TheoryData<string> AnalysisCases => Names(AnalysisValidationCases.All);

    public static TheoryData<string> HostileCases => Names(HostileSpecCases.All);

    [Theory]
    [MemberData(nameof(RolloutCases))]
    public void Parse_RolloutRuleBroken_ReportsErrorAtPath(string rule) => AssertReported(RolloutValidationCases.All[rule]);

    [Theory]
    [MemberData(nameof(CanaryCases))]
    public void Parse_CanaryRuleBroken_ReportsErrorAtPath(string rule) => AssertReported(CanaryValidationCases.All[rule]);

    [Theory]
    [MemberData(nameof(AnalysisCases))]
    public void Parse_AnalysisRuleBroken_ReportsErrorAtPath(string rule) => AssertReported(AnalysisValidationCases.All[rule]);

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void Parse_HostileValue_ReportsErrorAtPath(string defect) => AssertReported(HostileSpecCases.All[defect]);

    private static void AssertReported(ValidationCase rule)
    {
        var context = rule.Context?.Invoke() ?? Specs.Context();

        var result = SpecParser.Parse(rule.Build(), context);

        Assert.Null(result.Plan);
        var atPath = result.Errors.Where(e => e.Path == rule.Path).ToList();
        Assert.True(atPath.Count > 0, $"no error at {rule.Path}; got: {string.Join(" | ", result.Errors)}");
        if (rule.Message is not null)
        {
            Assert.Contains(atPath, e => e.Message.Contains(rule.Message, StringComparison.Ordinal));
        }
    }

    private static TheoryData<string> Names(IReadOnlyDictionary<string, ValidationCase> cases) => [.. cases.Keys];
}
