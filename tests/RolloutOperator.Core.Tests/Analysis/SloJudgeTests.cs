using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Analysis;

public sealed class SloJudgeTests
{
    // 99% objective: an error ratio of 0.14 burns the budget 14 times as fast as allowed.
    private static SloPlan Slo(StableBurnPolicy policy = StableBurnPolicy.Hold) =>
        new(99, null, "bad", "total", 6, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(50), TimeSpan.FromHours(720), policy);

    private static MetricPlan Metric(SloPlan slo, NoDataPolicy noData = NoDataPolicy.Retry) =>
        Metrics.Plan(success: null, noData: noData) with { Slo = slo };

    private static Measurement Judge(SloPlan slo, SloReading reading, NoDataPolicy noData = NoDataPolicy.Retry) =>
        MeasurementJudge.Judge(Metric(slo, noData), new MeasurementResult("step-1", "rev-a", "slo", Metrics.T0, [reading.CanaryLong], null, "q") { Slo = reading });

    [Fact]
    public void CanaryBurning14x_BothWindows_Fails()
    {
        var m = Judge(Slo(), new SloReading(0.14, 0.14, 0, 0, 0.2));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.Equal(14, m.Slo!.CanaryLongBurnRate);
        Assert.Equal(14, m.Slo.CanaryShortBurnRate);
        Assert.Null(m.Slo.StableBurning);
        Assert.Contains("both exceed the threshold 6", m.Message);

        // 14 × (10m / 720h) × 20% traffic = 0.0648% of the 30-day budget.
        Assert.Equal(0.065, m.Slo.BudgetConsumedPercent!.Value, 3);
    }

    [Theory]
    [InlineData(0.0, 0.0, "within the threshold")]
    [InlineData(0.14, 0.01, "only the long window")]
    [InlineData(0.01, 0.14, "only the short window")]
    public void CanaryNotBurningInBothWindows_Succeeds(double longRatio, double shortRatio, string why)
    {
        var m = Judge(Slo(), new SloReading(longRatio, shortRatio, 0, 0, 1));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
        Assert.Contains(why, m.Message);
    }

    [Fact]
    public void StableBurning_Hold_IsInconclusiveAndReportedAsStableBurning()
    {
        var m = Judge(Slo(), new SloReading(0.14, 0.14, 0.15, 0.15, 0.2));

        Assert.Equal(AnalysisPhase.Inconclusive, m.Phase);
        Assert.True(m.Slo!.StableBurning);
        Assert.StartsWith("stable is burning", m.Message);
    }

    [Fact]
    public void StableBurning_Continue_CanaryNoWorse_Succeeds_MuchWorse_Fails()
    {
        var same = Judge(Slo(StableBurnPolicy.Continue), new SloReading(0.14, 0.14, 0.15, 0.15, 0.2));
        var worse = Judge(Slo(StableBurnPolicy.Continue), new SloReading(0.5, 0.5, 0.1, 0.1, 0.2));

        Assert.Equal(AnalysisPhase.Successful, same.Phase);
        Assert.True(same.Slo!.StableBurning);
        Assert.Equal(AnalysisPhase.Failed, worse.Phase);
        Assert.Contains("burns faster still", worse.Message);
    }

    [Fact]
    public void StableWithoutData_CanaryIsJudgedAlone()
    {
        var m = Judge(Slo(), new SloReading(0.14, 0.14, double.NaN, double.NaN, 1));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.Null(m.Slo!.StableLongBurnRate);
    }

    [Theory]
    [InlineData(NoDataPolicy.Retry, AnalysisPhase.Error)]
    [InlineData(NoDataPolicy.Fail, AnalysisPhase.Failed)]
    [InlineData(NoDataPolicy.Inconclusive, AnalysisPhase.Inconclusive)]
    public void CanaryWithoutData_FollowsNoDataPolicy_NeverPasses(NoDataPolicy policy, AnalysisPhase expected)
    {
        var m = Judge(Slo(), new SloReading(double.NaN, 0, 0, 0, 1), policy);

        Assert.Equal(expected, m.Phase);
        Assert.True(m.NoData);
    }

    [Fact]
    public void ProviderError_IsAnErrorMeasurement()
    {
        var m = MeasurementJudge.Judge(Metric(Slo()), new MeasurementResult("step-1", "rev-a", "slo", Metrics.T0, null, "connection refused", "q"));

        Assert.Equal(AnalysisPhase.Error, m.Phase);
    }

    [Fact]
    public void ErrorRatio_WrapsUserQueriesOnTheirOwnLines_MissingNumeratorCountsAsZero()
    {
        var query = SloQueries.ErrorRatio(null, "sum(rate(x{code=~\"5..\"}[1m])) # comment", "sum(rate(x[1m]))");

        Assert.Equal("((\nsum(rate(x{code=~\"5..\"}[1m])) # comment\n) or 0 * (\nsum(rate(x[1m]))\n)) / (\nsum(rate(x[1m]))\n)", query);
    }

    [Fact]
    public void SloPlaceholders_AreEscapedLikeEveryValue()
    {
        var template = SloQueries.ErrorRatio(null, "sum(rate(x{revision=\"{{slo.revision}}\"}[{{slo.window}}]))", "sum(rate(x{revision=\"{{slo.revision}}\"}[{{slo.window}}]))");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        SloQueries.AddVariables(variables, "a\"} or vector(1) #", TimeSpan.FromMinutes(5));

        var rendered = PromQlTemplate.Render(template, variables).Query!;

        Assert.Contains("revision=\"a\\\"} or vector(1) #\"", rendered);
        Assert.Contains("[300s]", rendered);
    }
}
