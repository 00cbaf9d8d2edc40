using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Analysis.Judging;

/// <summary>Classification of judged metrics, the weighted score and the measurement it makes, through MeasurementJudge.</summary>
public sealed class JudgeScoringTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly double[] Control = [.. Enumerable.Range(0, 20).Select(i => 0.1 + (i * 0.001))];
    private static readonly double[] Doubled = [.. Control.Select(v => v * 2)];
    private static readonly double[] Halved = [.. Control.Select(v => v / 2)];
    private static readonly double[] Slightly = [.. Control.Select(v => v * 1.05)];

    // Significant tests, as the controller would compute them for the samples above.
    private static readonly RankSumTest Higher = new(400, 5.4, 1e-7);
    private static readonly RankSumTest Lower = new(0, -5.4, 1e-7);
    private static readonly RankSumTest Same = new(200, 0, 1);

    [Fact]
    public void Judge_CanaryDoubledOnTheBadSide_ClassifiesHighAndFails()
    {
        var (measurement, status) = Run(Plan(Latency()), Sample("latency", Doubled, Higher));

        Assert.Equal(JudgeClassification.High, status.Metrics.Single().Classification);
        Assert.Equal(0, status.Score);
        Assert.Equal(AnalysisPhase.Failed, measurement.Phase);
        Assert.Equal("0", measurement.Value);
        Assert.Contains("latency High (median 0.219 vs 0.1095, change 1, p 1E-07)", measurement.Message, StringComparison.Ordinal);
        Assert.Equal("1", status.Metrics.Single().Effect);
    }

    [Fact]
    public void Judge_NoSignificantDifference_Passes()
    {
        var (measurement, status) = Run(Plan(Latency()), Sample("latency", Control, Same));

        Assert.Equal(JudgeClassification.Pass, status.Metrics.Single().Classification);
        Assert.Equal(100, status.Score);
        Assert.Equal(AnalysisPhase.Successful, measurement.Phase);
    }

    [Fact]
    public void Judge_SignificantButWithinTolerance_Passes()
    {
        var (_, status) = Run(Plan(Latency()), Sample("latency", Slightly, Higher));

        Assert.Equal(JudgeClassification.Pass, status.Metrics.Single().Classification);
        Assert.Contains("within tolerance", status.Metrics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ChangeOnTheAllowedSide_Passes_AndEitherCatchesBoth()
    {
        var (_, increaseBad) = Run(Plan(Latency()), Sample("latency", Halved, Lower));
        var (_, either) = Run(Plan(Latency() with { Direction = JudgeDirection.Either }), Sample("latency", Halved, Lower));
        var (_, decreaseBad) = Run(Plan(Latency() with { Direction = JudgeDirection.Decrease }), Sample("latency", Halved, Lower));

        Assert.Equal(JudgeClassification.Pass, increaseBad.Metrics.Single().Classification);
        Assert.Equal(JudgeClassification.Low, either.Metrics.Single().Classification);
        Assert.Equal(JudgeClassification.Low, decreaseBad.Metrics.Single().Classification);
    }

    [Theory]
    [InlineData(3, 1, 75, AnalysisPhase.Inconclusive)]
    [InlineData(19, 1, 95, AnalysisPhase.Successful)]
    [InlineData(1, 1, 50, AnalysisPhase.Failed)]
    public void Judge_WeightedScore_AgainstPassAndMarginal(int passingWeight, int failingWeight, double score, AnalysisPhase phase)
    {
        var plan = Plan(Latency() with { Name = "ok", Weight = passingWeight }, Latency() with { Name = "bad", Weight = failingWeight });

        var (measurement, status) = Run(plan, Sample("ok", Control, Same), Sample("bad", Doubled, Higher));

        Assert.Equal(score, status.Score);
        Assert.Equal(phase, measurement.Phase);
    }

    [Fact]
    public void Judge_MarginalScore_IsInconclusiveSoAHumanDecides()
    {
        var plan = Plan(Latency() with { Name = "ok", Weight = 4 }, Latency() with { Name = "bad", Weight = 1 });

        var (measurement, _) = Run(plan, Sample("ok", Control, Same), Sample("bad", Doubled, Higher));

        Assert.Equal(AnalysisPhase.Inconclusive, measurement.Phase);
        Assert.StartsWith("marginal, a human decides: score 80", measurement.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoDataPolicy.Retry, AnalysisPhase.Error)]
    [InlineData(NoDataPolicy.Inconclusive, AnalysisPhase.Inconclusive)]
    [InlineData(NoDataPolicy.Fail, AnalysisPhase.Failed)]
    public void Judge_TooFewSamples_IsNoDataUnderThePolicy_NeverAPass(NoDataPolicy policy, AnalysisPhase expected)
    {
        var plan = Plan(Latency() with { Name = "ok", Weight = 99 }, Latency() with { Name = "thin", Weight = 1 });

        var (measurement, status) = Run(plan, policy, Sample("ok", Control, Same), Sample("thin", Control[..5], Same));

        Assert.Equal(JudgeClassification.NoData, status.Metrics.Single(m => m.Name == "thin").Classification);
        Assert.Equal(99, status.Score);
        Assert.Equal(expected, measurement.Phase);
        Assert.True(measurement.NoData);
        Assert.Contains("no data for thin", measurement.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_FailingMetricsWithData_FailEvenWhenAnotherHasNoData()
    {
        var plan = Plan(Latency() with { Name = "bad", Weight = 3 }, Latency() with { Name = "thin", Weight = 1 });

        var (measurement, _) = Run(plan, Sample("bad", Doubled, Higher), Sample("thin", [], null));

        Assert.Equal(AnalysisPhase.Failed, measurement.Phase);
    }

    [Fact]
    public void Judge_NoObservationAtAll_IsNoData()
    {
        var metric = Metric(Plan(Latency()), NoDataPolicy.Inconclusive);

        var measurement = MeasurementJudge.Judge(metric, new MeasurementResult("step-2", "rev", "judge", At, null, null, "q"));

        Assert.Equal(AnalysisPhase.Inconclusive, measurement.Phase);
        Assert.True(measurement.NoData);
    }

    [Fact]
    public void Record_JudgeMeasurement_KeepsTheScoreAndClassificationsInTheMetricStatus()
    {
        var metric = Metric(Plan(Latency()), NoDataPolicy.Retry);
        var analysis = new AnalysisPlan([metric], []);
        var run = AnalysisEvaluator.Start("step-2", "rev", analysis, At);
        var result = new MeasurementResult("step-2", "rev", "judge", At, null, null, "q")
        {
            Judge = new JudgeObservation("stable-rev", [Sample("latency", Doubled, Higher)]),
        };

        var recorded = AnalysisEvaluator.Record(run, analysis, result);

        var status = recorded.Metrics.Single();
        Assert.Equal(AnalysisPhase.Failed, status.Phase);
        Assert.Equal("stable-rev", status.Judge!.ControlRevision);
        Assert.Equal(JudgeClassification.High, status.Judge.Metrics.Single().Classification);
        Assert.Equal(AnalysisPhase.Failed, recorded.Phase);
        Assert.StartsWith("1 failed measurement exceeds failureLimit 0; last value 0 for judge score >= 95 (marginal 75)", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_CarriesEachSidesDistribution_AndLeavesOutOneThatIsNotFinite()
    {
        var canary = new JudgeDistribution { P10 = 0.2, P25 = 0.21, P50 = 0.22, P75 = 0.23, P90 = 0.24 };
        var control = new JudgeDistribution { P10 = 0.1, P25 = 0.105, P50 = 0.11, P75 = 0.115, P90 = 0.12 };
        var sample = Sample("latency", Doubled, Higher) with { CanaryDistribution = canary, ControlDistribution = control };
        var infinite = sample with { ControlDistribution = control with { P90 = double.PositiveInfinity } };

        var (_, status) = Run(Plan(Latency()), sample);
        var (_, withInfinity) = Run(Plan(Latency()), infinite);

        Assert.Equal(canary, status.Metrics.Single().CanaryDistribution);
        Assert.Equal(control, status.Metrics.Single().ControlDistribution);
        Assert.Equal(canary, withInfinity.Metrics.Single().CanaryDistribution);
        Assert.Null(withInfinity.Metrics.Single().ControlDistribution);
    }

    [Theory]
    [InlineData(new double[] { 3, 1, 2 }, 2)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_OddAndEven(double[] values, double median) => Assert.Equal(median, JudgeClassifier.Median(values));

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(0.5, 1, -0.5)]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, double.PositiveInfinity)]
    [InlineData(-1, -2, 0.5)]
    public void RelativeChange_AgainstTheControlMedian(double canary, double control, double change) =>
        Assert.Equal(change, JudgeClassifier.RelativeChange(canary, control));

    private static JudgeMetricPlan Latency() => new("latency", "q{r=\"{{judge.revision}}\"}", JudgeDirection.Increase, 0.1, 10, 1);

    private static JudgePlan Plan(params JudgeMetricPlan[] metrics) => new(JudgeControl.Stable, 95, 75, 0.05, metrics);

    private static JudgeSample Sample(string name, double[] canary, RankSumTest? test) => new(name, canary, Control, test);

    private static MetricPlan Metric(JudgePlan judge, NoDataPolicy policy) =>
        new("judge", TimeSpan.FromMinutes(1), 1, TimeSpan.Zero, 0, 0, 4, null, null, null, policy, new PrometheusMetric { Range = new PrometheusRange { Window = "10m", Step = "15s" } })
        {
            Judge = judge,
        };

    private static (Measurement, JudgeStatus) Run(JudgePlan plan, params JudgeSample[] samples) => Run(plan, NoDataPolicy.Retry, samples);

    private static (Measurement, JudgeStatus) Run(JudgePlan plan, NoDataPolicy policy, params JudgeSample[] samples)
    {
        var result = new MeasurementResult("step-2", "rev", "judge", At, null, null, "q") { Judge = new JudgeObservation("stable-rev", samples) };
        return (MeasurementJudge.Judge(Metric(plan, policy), result), JudgeScoring.Status(plan, result.Judge));
    }
}
