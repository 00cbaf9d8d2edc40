using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

public sealed class MeasurementJudgeTests
{
    public static TheoryData<string, string?, string?, double[], AnalysisPhase> ConditionCases => new()
    {
        { "success only, true", "result >= 0.99", null, [0.995], AnalysisPhase.Successful },
        { "success only, false", "result >= 0.99", null, [0.81], AnalysisPhase.Failed },
        { "failure only, true", null, "result > 0.5", [0.6], AnalysisPhase.Failed },
        { "failure only, false", null, "result > 0.5", [0.4], AnalysisPhase.Successful },
        { "both, failure true wins", "result >= 0.4", "result > 0.5", [0.6], AnalysisPhase.Failed },
        { "both, success true", "result >= 0.99", "result < 0.5", [0.995], AnalysisPhase.Successful },
        { "both false is inconclusive", "result >= 0.99", "result < 0.5", [0.8], AnalysisPhase.Inconclusive },
        { "condition evaluation error", "result >= 0.99", null, [0.9, 0.8], AnalysisPhase.Error },
        { "vector via results", "results.all(x, x >= 0.9)", null, [0.95, 0.91], AnalysisPhase.Successful },
        { "vector with one bad series", "results.all(x, x >= 0.9)", null, [0.95, 0.5], AnalysisPhase.Failed },
    };

    [Theory]
    [MemberData(nameof(ConditionCases))]
    public void Judge_Conditions_GiveVerdict(string name, string? success, string? failure, double[] values, AnalysisPhase expected)
    {
        var measurement = MeasurementJudge.Judge(Plan(success: success, failure: failure), Result("success-rate", T0, values));

        Assert.True(expected == measurement.Phase, $"{name}: {measurement.Phase} {measurement.Message}");
        Assert.Null(measurement.NoData);
    }

    public static TheoryData<string, double?, double?, double[], AnalysisPhase> RangeCases => new()
    {
        { "inside", 0.9, 1.0, [0.95], AnalysisPhase.Successful },
        { "min is inclusive", 0.9, 1.0, [0.9], AnalysisPhase.Successful },
        { "max is inclusive", 0.9, 1.0, [1.0], AnalysisPhase.Successful },
        { "below min", 0.9, 1.0, [0.8999], AnalysisPhase.Failed },
        { "above max", 0.9, 1.0, [1.0001], AnalysisPhase.Failed },
        { "only min", 0.9, null, [1e9], AnalysisPhase.Successful },
        { "only max", null, 0.1, [-1e9], AnalysisPhase.Successful },
        { "every value of a vector must be inside", 0.9, 1.0, [0.95, 0.5], AnalysisPhase.Failed },
        { "infinity is outside a bounded range", 0.9, 1.0, [double.PositiveInfinity], AnalysisPhase.Failed },
    };

    [Theory]
    [MemberData(nameof(RangeCases))]
    public void Judge_ThresholdRange_IsInclusive(string name, double? min, double? max, double[] values, AnalysisPhase expected)
    {
        var plan = Plan(success: null, range: new ThresholdRange { Min = min, Max = max });

        var measurement = MeasurementJudge.Judge(plan, Result("success-rate", T0, values));

        Assert.True(expected == measurement.Phase, $"{name}: {measurement.Phase} {measurement.Message}");
    }

    [Theory]
    [InlineData("range fails, condition passes", 0.995, 0.999, AnalysisPhase.Failed)]
    [InlineData("range passes, condition fails", 0.95, 0.9, AnalysisPhase.Failed)]
    [InlineData("both pass", 0.995, 0.9, AnalysisPhase.Successful)]
    public void Judge_RangeAndCondition_AllMustPass(string name, double value, double rangeMin, AnalysisPhase expected)
    {
        var plan = Plan(success: "result >= 0.99", range: new ThresholdRange { Min = rangeMin, Max = 1.0 });

        var measurement = MeasurementJudge.Judge(plan, Result("success-rate", T0, value));

        Assert.True(expected == measurement.Phase, $"{name}: {measurement.Message}");
    }

    public static TheoryData<string, NoDataPolicy, double[]?, AnalysisPhase, string> NoDataCases => new()
    {
        { "empty under Retry", NoDataPolicy.Retry, [], AnalysisPhase.Error, "no data" },
        { "null under Retry", NoDataPolicy.Retry, null, AnalysisPhase.Error, "no data" },
        { "empty under Fail", NoDataPolicy.Fail, [], AnalysisPhase.Failed, "no data (noDataPolicy Fail)" },
        { "empty under Inconclusive", NoDataPolicy.Inconclusive, [], AnalysisPhase.Inconclusive, "no data (noDataPolicy Inconclusive)" },
        { "NaN under Retry", NoDataPolicy.Retry, [double.NaN], AnalysisPhase.Error, "no data" },
        { "all NaN under Fail", NoDataPolicy.Fail, [double.NaN, double.NaN], AnalysisPhase.Failed, "no data (noDataPolicy Fail)" },
    };

    [Theory]
    [MemberData(nameof(NoDataCases))]
    public void Judge_NoData_FollowsPolicyAndNeverPasses(string name, NoDataPolicy policy, double[]? values, AnalysisPhase expected, string message)
    {
        var result = new MeasurementResult("step-1", "rev-a", "success-rate", T0, values, null, "up");

        var measurement = MeasurementJudge.Judge(Plan(noData: policy), result);

        Assert.True(expected == measurement.Phase, name);
        Assert.True(measurement.NoData);
        Assert.Equal(message, measurement.Message);
        Assert.Null(measurement.Value);
    }

    [Fact]
    public void Judge_PartlyNaNVector_JudgesRemainingValuesAndShowsAll()
    {
        var measurement = MeasurementJudge.Judge(Plan(success: "result >= 0.99"), Result("success-rate", T0, 0.995, double.NaN));

        Assert.Equal(AnalysisPhase.Successful, measurement.Phase);
        Assert.Equal("[0.995, NaN]", measurement.Value);
    }

    [Fact]
    public void Judge_ProviderError_IsErrorWithReasonAndQuery()
    {
        var at = T0.AddMilliseconds(750);

        var measurement = MeasurementJudge.Judge(Plan(), Failure("success-rate", at, "timeout after 30s"));

        Assert.Equal(AnalysisPhase.Error, measurement.Phase);
        Assert.Equal("timeout after 30s", measurement.Message);
        Assert.Equal("up", measurement.Query);
        Assert.Equal(T0, measurement.At);
        Assert.Null(measurement.NoData);
    }

    [Theory]
    [InlineData("shortest round trip", new[] { 0.1 }, "0.1")]
    [InlineData("full precision", new[] { 0.30000000000000004 }, "0.30000000000000004")]
    [InlineData("large", new[] { 1e21 }, "1E+21")]
    [InlineData("vector", new[] { 0.5, 2.0 }, "[0.5, 2]")]
    public void Judge_Value_IsInvariantRoundTrip(string name, double[] values, string expected)
    {
        var measurement = MeasurementJudge.Judge(Plan(success: "true"), Result("success-rate", T0, values));

        Assert.True(expected == measurement.Value, $"{name}: {measurement.Value}");
    }

    [Fact]
    public void Judge_HugeVector_ValueStaysWithinSchemaBound()
    {
        var values = Enumerable.Range(0, 5000).Select(i => i + 0.123456789).ToArray();

        var measurement = MeasurementJudge.Judge(Plan(success: "true"), Result("success-rate", T0, values));

        Assert.True(measurement.Value!.Length <= 1024);
        Assert.EndsWith("more)]", measurement.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ConditionError_KeepsReasonInMessage()
    {
        var measurement = MeasurementJudge.Judge(Plan(success: "results[2] > 0.0"), Result("success-rate", T0, 1, 2));

        Assert.Equal(AnalysisPhase.Error, measurement.Phase);
        Assert.Contains("index 2 out of range", measurement.Message, StringComparison.Ordinal);
    }
}
