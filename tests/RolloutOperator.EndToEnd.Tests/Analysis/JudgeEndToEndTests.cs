using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Support;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>
/// The statistical judge against a real Prometheus: the canary takes 10% of the simulated traffic, and its per-second
/// mean latency over a 12 s window is compared with the stable revision's by a Mann-Whitney U test.
/// </summary>
public sealed class JudgeEndToEndTests
{
    // Mean latency over 3 s, sampled every second; {{judge.revision}} is the canary on one side and stable on the other.
    private const string MeanLatencyQuery = """
        sum(rate(http_request_duration_seconds_sum{namespace="{{rollout.namespace}}", rollout="{{args.rollout}}", revision="{{judge.revision}}"}[3s]))
        /
        sum(rate(http_request_duration_seconds_count{namespace="{{rollout.namespace}}", rollout="{{args.rollout}}", revision="{{judge.revision}}"}[3s]))
        """;

    private static readonly string JudgeTemplate = $$"""
        apiVersion: rollout-operator.io/v1alpha1
        kind: AnalysisTemplate
        metadata:
          name: judge
        spec:
          args:
            - name: rollout
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
          metrics:
            - name: canary-judge
              initialDelay: 14s
              count: 1
              consecutiveErrorLimit: 3
              noDataPolicy: Inconclusive
              judge:
                control: Stable
                passScore: 95
                marginalScore: 75
                metrics:
                  - name: mean-latency
                    direction: Increase
                    tolerance: 0.25
                    minSamples: 8
                    query: |
        {{string.Join("\n", MeanLatencyQuery.Split('\n').Select(l => "                  " + l))}}
              provider:
                prometheus:
                  timeout: 2s
                  range: {window: 12s, step: 1s}
        """;

    private static readonly string JudgedStep = Steps(SetWeight(10), AnalysisStep("judge"));

    [Fact]
    public async Task CanaryTwiceAsSlow_Judge_ClassifiesHighAndAborts()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env);

        // Healthy requests take 5–15 ms (mean 10 ms); 10 ms more doubles the canary's latency.
        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_LATENCY_MS", "10"));
        var aborted = await env.Cluster.WaitForRolloutAsync(App, r => IsDegradedBy(r, "AnalysisFailed"), "abort by the judge", 90);

        Assert.Equal(v1, aborted.Status!.StableRevision);
        var judge = Metric(aborted.Status.Analyses!.Single(a => a.Key == "step-1"), "canary-judge");
        Assert.Equal(AnalysisPhase.Failed, judge.Phase);
        var latency = judge.Judge!.Metrics.Single();
        Assert.Equal(JudgeClassification.High, latency.Classification);
        Assert.Equal(0, judge.Judge.Score);
        Assert.Equal(v1, judge.Judge.ControlRevision);
        Assert.InRange(double.Parse(latency.Effect!, System.Globalization.CultureInfo.InvariantCulture), 0.5, 1.5);
        Assert.Contains($"revision=\"{aborted.Status.CanaryRevision}\"", judge.Measurements.Single().Query, StringComparison.Ordinal);
        Assert.Contains($"revision=\"{v1}\"", judge.Measurements.Single().Query, StringComparison.Ordinal);
        await CanaryAnalysisEndToEndTests.AbortedBackToStableAsync(env, v1, aborted.Status.CanaryRevision!);
    }

    [Fact]
    public async Task IdenticalRevision_Judge_PassesAndPromotes()
    {
        await using var env = await AnalysisCluster.StartAsync(App);
        var v1 = await DeployFirstRevisionAsync(env);
        await using var recorder = AnalysisRecorder.Start(env.Cluster, App);

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0"));
        var done = await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r, notRevision: v1), "promotion after the judge", 90);

        var v2 = done.Status!.StableRevision!;
        var judge = Metric(recorder.LastRuns(v2, done.Status)["step-1"], "canary-judge");
        Assert.Equal(AnalysisPhase.Successful, judge.Phase);
        Assert.Equal(100, judge.Judge!.Score);
        var latency = judge.Judge.Metrics.Single();
        Assert.Equal(JudgeClassification.Pass, latency.Classification);
        Assert.True(latency.CanarySamples >= 8 && latency.ControlSamples >= 8, $"samples {latency.CanarySamples}/{latency.ControlSamples}");
    }

    private static async Task<string> DeployFirstRevisionAsync(AnalysisCluster env)
    {
        await env.Cluster.ApplyAsync(Canary(JudgedStep, JudgeTemplate));
        await env.StartOperatorAsync();
        return (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;
    }
}
