using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Rendering;

public sealed class JudgeGetRenderTests
{
    [Fact]
    public async Task Get_JudgeMetric_ShowsScoreAndEachClassification()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        var status = TestStatuses.CanaryMidStep();
        status.Analyses![0].Metrics.Add(new MetricStatus
        {
            Name = "canary-judge",
            Phase = AnalysisPhase.Failed,
            Failed = 1,
            Judge = new JudgeStatus
            {
                Score = 33.33,
                PassScore = 95,
                MarginalScore = 75,
                ControlRevision = TestRollouts.StableRevision,
                Metrics =
                [
                    new JudgeMetricStatus { Name = "mean-latency", Classification = JudgeClassification.High, Weight = 2, CanarySamples = 20, ControlSamples = 20, CanaryMedian = "0.02", ControlMedian = "0.01", Effect = "1", PValue = "6.8E-08" },
                    new JudgeMetricStatus { Name = "error-ratio", Classification = JudgeClassification.Pass, Weight = 1, CanarySamples = 20, ControlSamples = 20, CanaryMedian = "0", ControlMedian = "0", Effect = "0", PValue = "1" },
                    new JudgeMetricStatus { Name = "saturation", Classification = JudgeClassification.NoData, Weight = 1, Message = "too few samples: canary 3, control 20; minSamples 10" },
                ],
            },
        });
        await cluster.CreateRolloutAsync(TestRollouts.Canary(), status);

        var result = await cluster.RunAsync(["get", "web"], new FakeTimeProvider(TestStatuses.Now));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"judge score 33.33 (pass 95, marginal 75) against {TestRollouts.StableRevision}", result.Output, StringComparison.Ordinal);
        Assert.Contains("mean-latency  High  median 0.02 vs 0.01, change 1, p 6.8E-08, samples 20/20, weight 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("error-ratio  Pass  median 0 vs 0", result.Output, StringComparison.Ordinal);
        Assert.Contains("saturation  NoData  too few samples: canary 3, control 20; minSamples 10", result.Output, StringComparison.Ordinal);
    }
}
