using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis.Judging;

/// <summary>
/// Takes one judge measurement: each judged metric's query as a range query over the same window, once with
/// {{judge.revision}} = the canary and once = the control, then the rank test of the two samples. It is one measurement:
/// any query that cannot be answered makes it an Error (the provider-down contract of every metric), never a partial pass.
/// </summary>
internal static class JudgeMeasurement
{
    public static async Task<MeasurementResult> MeasureAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        var due = request.Due;
        var judge = due.Metric.Judge!;
        if (ControlRevision(request.Rollout, judge) is not { } control)
        {
            return Failed(request, $"judge control {judge.Control}: the rollout has no stable revision yet", null);
        }

        var samples = new List<JudgeSample>();
        var shown = new List<string>();
        foreach (var metric in judge.Metrics)
        {
            var canary = await SideAsync(request, metric, due.Revision, cancellationToken).ConfigureAwait(false);
            shown.Add($"{metric.Name} canary: {canary.Shown}");
            if (canary.Error is { } canaryError)
            {
                return Failed(request, $"judge metric {metric.Name} (canary): {canaryError}", Shown(shown));
            }

            var baseline = await SideAsync(request, metric, control, cancellationToken).ConfigureAwait(false);
            shown.Add($"{metric.Name} control: {baseline.Shown}");
            if (baseline.Error is { } controlError)
            {
                return Failed(request, $"judge metric {metric.Name} (control {control}): {controlError}", Shown(shown));
            }

            samples.Add(new JudgeSample(metric.Name, canary.Values, baseline.Values, MannWhitneyU.Test(canary.Values, baseline.Values))
            {
                CanaryDistribution = JudgeQuantiles.Summarize(canary.Values),
                ControlDistribution = JudgeQuantiles.Summarize(baseline.Values),
            });
        }

        return new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, request.At, null, null, Shown(shown))
        {
            Judge = new JudgeObservation(control, samples),
        };
    }

    /// <summary>The revision label of the control side: the stable revision, or its baseline pods.</summary>
    public static string? ControlRevision(Rollout rollout, JudgePlan judge)
    {
        if (rollout.Status?.StableRevision is not { Length: > 0 } stable)
        {
            return null;
        }

        return judge.Control == JudgeControl.Baseline ? JudgeBaseline.RevisionLabel(stable) : stable;
    }

    private static async Task<JudgeSide> SideAsync(JudgeRequest request, JudgeMetricPlan metric, string revision, CancellationToken cancellationToken)
    {
        var variables = await QueryVariables.ResolveAsync(request.Rollout, request.Due, metric.Query, request.Secrets, cancellationToken).ConfigureAwait(false);
        if (variables.Errors.Count > 0)
        {
            return JudgeSide.Failed("query arguments: " + string.Join("; ", variables.Errors), null);
        }

        variables.Values[JudgeVariables.Revision] = revision;
        var rendered = PromQlTemplate.Render(metric.Query, variables.Values);
        if (rendered.Query is not { } query)
        {
            return JudgeSide.Failed("query template: " + string.Join("; ", rendered.Errors), null);
        }

        var shown = variables.SecretNames.Count == 0 ? query : PromQlTemplate.Render(metric.Query, variables.ForDisplay()).Query;
        var settings = request.Due.Metric.Prometheus ?? throw new InvalidOperationException("a judge metric has Prometheus settings: the parser refuses any other provider");
        var answer = await request.Ask(new MetricQuery(request.Rollout.Metadata.NamespaceProperty ?? "", query, settings, request.At, request.Secrets, request.Secrets.Scrubber), cancellationToken).ConfigureAwait(false);
        return answer.Error is { } error
            ? JudgeSide.Failed(error, shown)
            : new JudgeSide([.. answer.Values.Where(v => !double.IsNaN(v))], null, shown);
    }

    private static MeasurementResult Failed(JudgeRequest request, string error, string? query) =>
        new(request.Due.AnalysisKey, request.Due.Revision, request.Due.Metric.Name, request.At, null, error, query);

    private static string Shown(List<string> queries) => string.Join('\n', queries);
}
