using System.Globalization;
using RolloutOperator.Core.Api;
using RolloutOperator.EndToEnd.Tests.Analysis;
using RolloutOperator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// Issue 16 §4, third bullet: Rollouts analysed against a Prometheus that answers slowly (just under and just over the
/// metric's timeout), with garbage, with NaN and with empty results. Slow but valid answers are data and promote;
/// everything else is missing data: never a promotion, held for consecutiveErrorLimit errors, then failed within the
/// documented budget (docs/analysis.md "No data" and "Provider errors").
/// </summary>
[Trait("Category", "Chaos")]
[Collection("Chaos")]
public sealed class PrometheusChaosTests(ITestOutputHelper output)
{
    private const int IntervalSeconds = 1;
    private const int TimeoutSeconds = 3;
    private const int ConsecutiveErrorLimit = 3;
    private static readonly string[] Missing = ["hang", "garbage", "nan", "empty"];

    [Fact]
    public async Task SlowGarbageNanAndEmptyAnswers_ZeroPromotionsOnMissingData_HeldThenFailedWithinTheBudget()
    {
        var scale = ChaosScale.Current;
        await using var prometheus = await ScriptedPrometheus.StartAsync(slowDelay: TimeSpan.FromSeconds(2.2));
        prometheus.HangDelay = TimeSpan.FromSeconds(TimeoutSeconds + 3);
        await using var cluster = await OperatorCluster.StartAsync();
        var rollouts = Missing.Append("slow").SelectMany(b => Enumerable.Range(0, scale.PerPrometheusBehaviour).Select(i => (Behaviour: b, Name: $"{b}-{i}"))).ToList();
        await cluster.ApplyAsync(Manifests(prometheus, rollouts));
        await cluster.StartOperatorAsync("operator-0", "--prometheus-address", prometheus.Address("ok").ToString(), "--log-level", "Warning");
        var v1 = await FirstRevisionsAsync(cluster, rollouts.Select(r => r.Name));
        await using var recorder = new ObjectRecorder<StatusSample>(cluster.Client, ApiGroup.Name, ApiGroup.Version, cluster.Namespace, "rollouts", o => ChaosFleet.Project(o));

        foreach (var (_, name) in rollouts)
        {
            await cluster.SetImageAsync(name, $"registry.example/{name}:2");
        }

        // Every Rollout is checked and every problem reported, so a full-size run shows the whole picture at once.
        var problems = new List<string>();
        foreach (var (behaviour, name) in rollouts)
        {
            var end = await cluster.WaitForRolloutAsync(name, r => behaviour == "slow" ? RolloutFacts.IsHealthyOn(r, v1[name]) : RolloutFacts.IsDegradedBy(r, "AnalysisFailed"), $"{name} decided", 180);
            var metric = RolloutFacts.Metric(LastRun(recorder, name, end.Status!.CanaryRevision ?? end.Status.StableRevision!), "success-rate");
            output.WriteLine($"{name}: {end.Status.Phase}; measurements {Describe(metric)}");
            Check(problems, name, () =>
            {
                if (behaviour == "slow")
                {
                    Assert.Equal((2, 0), (metric.Successful, metric.Failed));
                    return;
                }

                AssertNeverPromoted(recorder, name, v1[name]);
                AssertHeldThenFailed(name, metric);
            });
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Check(List<string> problems, string name, Action check)
    {
        try
        {
            check();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            problems.Add($"{name}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static void AssertHeldThenFailed(string name, MetricStatus metric)
    {
        Assert.Equal(AnalysisPhase.Error, metric.Phase);
        Assert.Equal((0, 0, 0), (metric.Successful, metric.Failed, metric.Inconclusive));
        Assert.Equal(ConsecutiveErrorLimit + 1, metric.Error);
        if (name.StartsWith("nan", StringComparison.Ordinal) || name.StartsWith("empty", StringComparison.Ordinal))
        {
            Assert.All(metric.Measurements, m => Assert.True(m.NoData == true, $"{name}: {m.Message}"));
        }

        // Held: the first error did not fail it; failed in budget: consecutiveErrorLimit + 1 measurements, each at most
        // interval + timeout apart (metav1 times are whole seconds, hence the 2 s of slack either way).
        var span = metric.Measurements.Max(m => m.At) - metric.Measurements.Min(m => m.At);
        Assert.InRange(span.TotalSeconds, (ConsecutiveErrorLimit * IntervalSeconds) - 2, (ConsecutiveErrorLimit * (IntervalSeconds + TimeoutSeconds)) + 2);
    }

    private static void AssertNeverPromoted(ObjectRecorder<StatusSample> recorder, string name, string v1)
    {
        var seen = recorder.Seen.Where(s => s.Name == name).ToList();
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal(v1, s.Status.StableRevision));
        Assert.DoesNotContain(seen, s => s.Status.Traffic?.DesiredWeight > 20);
        Assert.DoesNotContain(seen, s => s.Status.CurrentStepIndex > 1);
    }

    private static AnalysisRunStatus LastRun(ObjectRecorder<StatusSample> recorder, string name, string revision) =>
        recorder.Seen.Where(s => s.Name == name).SelectMany(s => s.Status.Analyses ?? []).Last(a => a.Revision == revision && a.Key == "step-1");

    private static string Describe(MetricStatus metric) => string.Join("; ", metric.Measurements.Select(m =>
        string.Create(CultureInfo.InvariantCulture, $"{m.At:HH:mm:ss} {m.Phase} {m.Value}{(m.NoData == true ? " nodata" : "")} {m.Message}")));

    private static async Task<Dictionary<string, string>> FirstRevisionsAsync(OperatorCluster cluster, IEnumerable<string> names)
    {
        var revisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            revisions[name] = (await cluster.WaitForRolloutAsync(name, r => RolloutFacts.IsHealthyOn(r), $"{name} healthy on revision 1")).Status!.StableRevision!;
        }

        return revisions;
    }

    private static string Manifests(ScriptedPrometheus prometheus, IEnumerable<(string Behaviour, string Name)> rollouts)
    {
        var documents = Missing.Append("slow").Select(b => Template(b, prometheus.Address(b))).ToList();
        foreach (var (behaviour, name) in rollouts)
        {
            var steps = $$"""
                        - setWeight: 20
                        - analysis: {templates: [{templateName: check-{{behaviour}} }]}
                        - setWeight: 50
                """;
            documents.Add(TestManifests.Services(name));
            documents.Add(TestManifests.Canary(TestManifests.NoRouting, steps, name, replicas: 2));
        }

        return string.Join("\n---\n", documents);
    }

    private static string Template(string behaviour, Uri address) => $$"""
        apiVersion: rollout-operator.io/v1alpha1
        kind: AnalysisTemplate
        metadata: {name: check-{{behaviour}} }
        spec:
          args:
            - name: rollout
              valueFrom: {fieldRef: {fieldPath: metadata.name} }
          metrics:
            - name: success-rate
              interval: {{IntervalSeconds}}s
              count: 2
              consecutiveErrorLimit: {{ConsecutiveErrorLimit}}
              successCondition: result >= 0.99
              provider:
                prometheus:
                  address: {{address}}
                  timeout: {{TimeoutSeconds}}s
                  query: 'chaos_success_ratio{rollout="{{"{{"}}args.rollout{{"}}"}}"}'
        """;
}
