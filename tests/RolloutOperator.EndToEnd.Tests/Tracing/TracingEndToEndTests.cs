using RolloutOperator.Core.Tracing;
using RolloutOperator.EndToEnd.Tests.Analysis;
using RolloutOperator.EndToEnd.Tests.Support;
using RolloutOperator.Model;
using static RolloutOperator.EndToEnd.Tests.Analysis.AnalysisRollouts;
using static RolloutOperator.EndToEnd.Tests.Analysis.RolloutFacts;

namespace RolloutOperator.EndToEnd.Tests.Tracing;

/// <summary>
/// The operator binary with --tracing and the standard OTEL_* variables exports the documented span tree of a canary
/// judged by a real Prometheus to an OTLP/HTTP receiver — one tree, though the operator is killed half way and another
/// process finishes the rollout.
/// </summary>
public sealed class TracingEndToEndTests
{
    private static readonly MetricLimits Limits = new(Interval: "2s", InitialDelay: "1s", Count: 2);

    [Fact]
    public async Task CanaryWithAnalysis_OperatorKilledMidRollout_ExportsOneSpanTreeOverOtlp()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var env = await AnalysisCluster.StartAsync(App);
        await env.Cluster.ApplyAsync(Canary(Steps(SetWeight(20), AnalysisStep("success-rate"), SetWeight(50)), SliTemplates.Template("success-rate", SliTemplates.SuccessRate(Limits))));
        var first = StartOperator(env, receiver, "operator-a");
        var v1 = (await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r), "first revision healthy")).Status!.StableRevision!;

        await env.SetRevisionAsync(App, "registry.example/web:2", ("SIM_ERROR_RATE", "0"));
        var started = await env.Cluster.WaitForRolloutAsync(App, r => r.Status?.CurrentStepIndex == 1 && r.Status.Trace is not null, "the analysis step", 30);
        var trace = started.Status!.Trace!;
        await WaitForSpansAsync(receiver, trace.TraceId, spans => spans.Any(s => s.Name == "step setWeight"), "the first step's span from operator-a");
        first.Kill();

        var second = StartOperator(env, receiver, "operator-b");
        var done = await env.Cluster.WaitForRolloutAsync(App, r => IsHealthyOn(r, notRevision: v1), "promotion by operator-b", 60);
        var spans = await WaitForSpansAsync(receiver, trace.TraceId, spans => spans.Any(s => s.ParentSpanId.Length == 0), "the rollout span from operator-b");
        Assert.False(second.HasExited, second.Log);

        Assert.Equal(trace, done.Status!.Trace);
        AssertTree(spans, done);
        Assert.Equal(["operator-a", "operator-b"], spans.Select(s => s.Resource.GetValueOrDefault("service.instance.id")).Distinct().Order(StringComparer.Ordinal));
        Assert.All(spans, s => Assert.Equal("rollout-operator-e2e", s.Resource.GetValueOrDefault("service.name")));
    }

    private static void AssertTree(IReadOnlyList<OtlpSpan> spans, Rollout done)
    {
        var revision = done.Status!.StableRevision!;
        var root = Assert.Single(spans, s => s.ParentSpanId.Length == 0);
        Assert.Equal("rollout", root.Name);
        Assert.Equal("Promoted", root[SpanAttributes.Outcome]);
        Assert.Equal(1, root.StatusCode);
        Assert.Equal(done.Metadata.Uid, root[SpanAttributes.RolloutUid]);

        var steps = spans.Where(s => s.ParentSpanId == root.SpanId).OrderBy(s => int.Parse(s[SpanAttributes.StepIndex]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["step setWeight", "step analysis", "step setWeight"], steps.Select(s => s.Name));
        var analysis = Assert.Single(spans, s => s.ParentSpanId == steps[1].SpanId);
        Assert.Equal("analysis step-1", analysis.Name);
        Assert.Equal("Successful", analysis[SpanAttributes.AnalysisPhase]);

        // operator-a may have been killed with a measurement span still in its export batch; the decisive one is there.
        // A measurement taken before Prometheus has scraped the new revision is "no data": an Error span flagged as such
        // (the analysis tolerates it); every other one carries the value and the verdict.
        var measurements = spans.Where(s => s.ParentSpanId == analysis.SpanId).ToList();
        Assert.Contains(measurements, m => m[SpanAttributes.Verdict] == "Successful");
        Assert.All(measurements, m =>
        {
            Assert.Equal("measurement success-rate", m.Name);
            Assert.Equal("prometheus", m[SpanAttributes.MetricProvider]);
            Assert.Contains($"revision=\"{revision}\"", m[SpanAttributes.Query], StringComparison.Ordinal);
            if (m[SpanAttributes.Verdict] == "Error")
            {
                Assert.Equal("true", m[SpanAttributes.NoData], ignoreCase: true);
                Assert.Equal(2, m.StatusCode);
                return;
            }

            Assert.InRange(double.Parse(m[SpanAttributes.Value]!, System.Globalization.CultureInfo.InvariantCulture), 0.99, 1);
            Assert.Equal("Successful", m[SpanAttributes.Verdict]);
        });
        Assert.All(spans, s => Assert.True(s.ParentSpanId.Length == 0 || spans.Any(p => p.SpanId == s.ParentSpanId), $"{s.Name} has no parent"));
    }

    private static OperatorProcess StartOperator(AnalysisCluster env, OtlpReceiver receiver, string pod) =>
        env.Cluster.StartOperatorProcess(
            pod,
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_SERVICE_NAME"] = "rollout-operator-e2e",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            },
            "--leader-elect", "false", "--tracing", "true", "--prometheus-address", env.Prometheus.Address.ToString());

    private static Task<IReadOnlyList<OtlpSpan>> WaitForSpansAsync(OtlpReceiver receiver, string traceId, Func<IReadOnlyList<OtlpSpan>, bool> done, string what) =>
        OperatorCluster.EventuallyAsync(() => Task.FromResult(receiver.Spans(traceId)), done, TimeSpan.FromSeconds(20), what);
}
