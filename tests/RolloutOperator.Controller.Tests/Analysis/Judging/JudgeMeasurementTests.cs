using k8s.Models;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Judging;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Analysis.Judging;

/// <summary>A judge measurement keeps each side's distribution of the samples it was answered, for the status.</summary>
public sealed class JudgeMeasurementTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Measure_SummarizesEachSidesSamples_ByRevision()
    {
        var request = new JudgeRequest(Rollout(), Due(), new CachingSecretReader(new NoSecrets(), new SecretScrubber()), At, AnswerAsync);

        var result = await JudgeMeasurement.MeasureAsync(request, CancellationToken.None);

        var sample = Assert.Single(result.Judge!.Samples);
        Assert.Equal("v1", result.Judge.ControlRevision);
        Assert.Equal(new JudgeDistribution { P10 = 1.9, P25 = 3.25, P50 = 5.5, P75 = 7.75, P90 = 9.1 }, sample.CanaryDistribution);
        Assert.Equal(new JudgeDistribution { P10 = 0.011, P25 = 0.011, P50 = 0.0115, P75 = 0.01275, P90 = 0.0215 }, sample.ControlDistribution);
    }

    // The canary (v2) answers 1..10 and the control (v1) a tight sample with one outlier; NaN is no sample.
    private static Task<MetricQueryResult> AnswerAsync(MetricQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new MetricQueryResult(
            query.Query.Contains("\"v2\"", StringComparison.Ordinal)
                ? [7, 3, 10, 1, 9, 2, 8, 4, 6, 5, double.NaN]
                : [0.012, 0.011, 0.013, 0.011, 0.011, 0.030],
            null));

    private static Rollout Rollout() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "default" },
        Status = new RolloutStatus { StableRevision = "v1", CanaryRevision = "v2" },
    };

    private static DueMeasurement Due()
    {
        var judge = new JudgePlan(JudgeControl.Stable, 95, 75, 0.05, [new JudgeMetricPlan("latency", "latency{revision=\"{{judge.revision}}\"}", JudgeDirection.Increase, 0.1, 5, 1)]);
        var metric = new MetricPlan("judge", TimeSpan.FromMinutes(1), 1, TimeSpan.Zero, 0, 0, 4, null, null, null, NoDataPolicy.Retry,
            new PrometheusMetric { Range = new PrometheusRange { Window = "10m", Step = "30s" } })
        {
            Judge = judge,
        };
        return new DueMeasurement("step-2", "v2", metric, new AnalysisPlan([metric], []));
    }

    private sealed class NoSecrets : ISecretReader
    {
        public Task<string> ReadAsync(string secretNamespace, SecretKeyRef reference, CancellationToken cancellationToken) =>
            throw new SecretUnavailableException("no secrets in this test");
    }
}
