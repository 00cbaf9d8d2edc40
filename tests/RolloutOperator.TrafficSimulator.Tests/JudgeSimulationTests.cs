using Prometheus;
using RolloutOperator.Controller.Analysis.Judging;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.TrafficSimulator.Tests;

/// <summary>
/// The judge on simulated traffic, seeded: the canary takes 10% of 50 requests/s beside the stable revision for a 10-minute
/// window; every 15 s step yields one sample per revision, the mean latency of that step as
/// <c>rate(http_request_duration_seconds_sum[15s]) / rate(http_request_duration_seconds_count[15s])</c> would read it
/// from the scraped histogram. The judge compares the 40 canary samples with the 40 stable ones.
/// </summary>
public sealed class JudgeSimulationTests
{
    private const int Runs = 100;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BaseLatency = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task Judge_TwiceTheLatencyOnTheTenPercentCanary_FailsInEverySeededRun()
    {
        // Healthy latency is uniform in [0.5, 1.5) × 10 ms (mean 10 ms); 10 ms more doubles it.
        var slow = new RevisionBehaviour(0, BaseLatency);

        var phases = await PhasesAsync(slow);

        Assert.True(phases.All(p => p == AnalysisPhase.Failed), $"not failed in {phases.Count(p => p != AnalysisPhase.Failed)} of {Runs} runs");
    }

    [Fact]
    public async Task Judge_IdenticalRevisions_PassInAtLeast95PercentOfSeededRuns()
    {
        var phases = await PhasesAsync(RevisionBehaviour.Healthy);

        var passed = phases.Count(p => p == AnalysisPhase.Successful);
        Assert.True(passed >= Runs * 95 / 100, $"passed in {passed} of {Runs} runs");
    }

    [Fact]
    public async Task Judge_TwentyPercentSlowerCanary_IsCaughtToo()
    {
        var phases = await PhasesAsync(new RevisionBehaviour(0, BaseLatency * 0.2), runs: 20);

        Assert.All(phases, p => Assert.Equal(AnalysisPhase.Failed, p));
    }

    private static async Task<List<AnalysisPhase>> PhasesAsync(RevisionBehaviour canary, int runs = Runs)
    {
        var phases = new List<AnalysisPhase>();
        for (var seed = 1; seed <= runs; seed++)
        {
            var (canarySamples, stableSamples) = await SimulateAsync(seed, canary);
            phases.Add(Judge(canarySamples, stableSamples));
        }

        return phases;
    }

    private static async Task<(List<double> Canary, List<double> Stable)> SimulateAsync(int seed, RevisionBehaviour canary)
    {
        var registry = Metrics.NewCustomRegistry();
        var generator = new RequestGenerator(new SimulatorMetrics(registry, "default", "checkout"), new Random(seed), 50, BaseLatency);
        var split = new TrafficSnapshot([new RevisionTraffic("stable", 90, RevisionBehaviour.Healthy), new RevisionTraffic("canary", 10, canary)]);
        var before = await ReadAsync(registry);
        var (canarySamples, stableSamples) = (new List<double>(), new List<double>());
        for (var step = 0; step < 40; step++)
        {
            // The generator catches up at most 5 s per call, as the simulator's own ticks would.
            for (var elapsed = TimeSpan.Zero; elapsed < Step; elapsed += TimeSpan.FromSeconds(5))
            {
                generator.Generate(split, TimeSpan.FromSeconds(5));
            }

            var now = await ReadAsync(registry);
            canarySamples.Add(Mean(now, before, "canary"));
            stableSamples.Add(Mean(now, before, "stable"));
            before = now;
        }

        return (canarySamples, stableSamples);
    }

    private static AnalysisPhase Judge(List<double> canary, List<double> stable)
    {
        var judge = new JudgePlan(JudgeControl.Stable, 95, 75, 0.05, [new JudgeMetricPlan("latency", "unused", JudgeDirection.Increase, 0.1, 20, 1)]);
        var metric = new MetricPlan("judge", TimeSpan.FromMinutes(1), 1, TimeSpan.Zero, 0, 0, 4, null, null, null, NoDataPolicy.Inconclusive, new PrometheusMetric())
        {
            Judge = judge,
        };
        var sample = new JudgeSample("latency", canary, stable, MannWhitneyU.Test(canary, stable));
        var result = new MeasurementResult("step-1", "canary", "judge", DateTimeOffset.UnixEpoch, null, null, null) { Judge = new JudgeObservation("stable", [sample]) };
        return MeasurementJudge.Judge(metric, result).Phase;
    }

    private static double Mean(Dictionary<string, (double Sum, double Count)> now, Dictionary<string, (double Sum, double Count)> before, string revision)
    {
        var (sum, count) = now[revision];
        var (sumBefore, countBefore) = before.GetValueOrDefault(revision);
        return (sum - sumBefore) / (count - countBefore);
    }

    private static async Task<Dictionary<string, (double Sum, double Count)>> ReadAsync(CollectorRegistry registry)
    {
        var text = await Exposition.TextAsync(registry);
        return new[] { "canary", "stable" }.ToDictionary(
            r => r,
            r => (Exposition.Sum(text, "http_request_duration_seconds_sum", $"revision=\"{r}\""), Exposition.Sum(text, "http_request_duration_seconds_count", $"revision=\"{r}\"")));
    }
}
