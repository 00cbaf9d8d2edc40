using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// Analysis run spans (when a run reaches its verdict, or is cut off by the end of the rollout) and one span per new
/// measurement, a child of its run, with the rendered query, the value and the verdict.
/// </summary>
internal static class AnalysisSpans
{
    public static string Key(AnalysisRunStatus run) => $"analysis/{run.Key}/{TraceIds.Seconds(run.StartedAt)}";

    public static void Add(TraceWindow window, RolloutPlan? plan, List<SpanRecord> spans)
    {
        var current = (window.After ?? (window.End is not null ? window.Before : null))?.Analyses ?? [];
        foreach (var run in current.Where(r => r.Revision == window.Trace.Revision && r.StartedAt >= window.Trace.StartedAt))
        {
            var previous = window.Before?.Analyses?.Find(r => r.Key == run.Key && r.StartedAt == run.StartedAt);
            var analysis = AnalysisPlans.Find(plan, run.Key);
            foreach (var metric in run.Metrics)
            {
                AddMeasurements(window, run, metric, previous?.Metrics.Find(m => m.Name == metric.Name), AnalysisPlans.Provider(analysis, metric.Name), spans);
            }

            if (run.Phase != AnalysisPhase.Running && previous is null or { Phase: AnalysisPhase.Running })
            {
                spans.Add(Run(window, run).Build(run.StartedAt, Ended(run, window), Outcome(run.Phase), run.Message));
            }
            else if (run.Phase == AnalysisPhase.Running && window.End is { } end)
            {
                spans.Add(Run(window, run).With(SpanAttributes.Outcome, end.Outcome.ToString()).Build(run.StartedAt, end.At));
            }
        }
    }

    private static void AddMeasurements(TraceWindow window, AnalysisRunStatus run, MetricStatus metric, MetricStatus? previous, string? provider, List<SpanRecord> spans)
    {
        var seen = previous?.Measurements.Count == 0 ? null : previous?.Measurements[^1].At;
        var taken = metric.Successful + metric.Failed + metric.Inconclusive + metric.Error;
        var measurements = metric.Measurements;
        for (var i = 0; i < measurements.Count; i++)
        {
            var m = measurements[i];
            if (seen is { } last && m.At <= last)
            {
                continue;
            }

            // The ordinal among all of the metric's measurements (status keeps only the newest few) names the span.
            var ordinal = taken - (measurements.Count - i);
            var span = new SpanBuilder(window, $"{Key(run)}/{metric.Name}/{ordinal}", window.Span(Key(run)), $"measurement {metric.Name}")
                .With(SpanAttributes.AnalysisKey, run.Key)
                .With(SpanAttributes.MetricName, metric.Name)
                .With(SpanAttributes.MetricProvider, provider)
                .With(SpanAttributes.MetricDryRun, metric.DryRun == true ? true : null)
                .With(SpanAttributes.Query, m.Query)
                .With(SpanAttributes.Value, m.Value)
                .With(SpanAttributes.Verdict, m.Phase.ToString())
                .With(SpanAttributes.NoData, m.NoData == true ? true : null)
                .With(SpanAttributes.Message, m.Message);
            spans.Add(span.Build(m.At, m.At, Outcome(m.Phase), m.Message));
        }
    }

    private static SpanBuilder Run(TraceWindow window, AnalysisRunStatus run)
    {
        var parent = AnalysisPlans.StepIndex(run.Key) is { } step ? window.Span(StepSpans.Key(step))
            : run.Key == AnalysisPlans.PrePromotionKey ? window.Span(BlueGreenSpans.SwitchKey)
            : window.RootSpanId;
        return new SpanBuilder(window, Key(run), parent, $"analysis {run.Key}")
            .With(SpanAttributes.AnalysisKey, run.Key)
            .With(SpanAttributes.AnalysisPhase, run.Phase.ToString())
            .With(SpanAttributes.Revision, run.Revision)
            .With(SpanAttributes.Message, run.Message);
    }

    /// <summary>A run ends with the measurement that decided it; one decided without any ends when status last progressed.</summary>
    private static DateTimeOffset Ended(AnalysisRunStatus run, TraceWindow window)
    {
        var last = run.Metrics.SelectMany(m => m.Measurements).Select(m => m.At).DefaultIfEmpty(run.StartedAt).Max();
        return window.End?.At is { } end && end > last ? end : last;
    }

    private static SpanOutcome Outcome(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Successful => SpanOutcome.Ok,
        AnalysisPhase.Failed or AnalysisPhase.Error => SpanOutcome.Error,
        _ => SpanOutcome.Unset,
    };
}
