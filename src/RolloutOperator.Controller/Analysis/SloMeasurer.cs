using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Takes one SLO measurement: the error ratio of the canary and of the stable revision, each over the long and the
/// short window, rendered from the same escaped template. Four queries, one measurement: any query that fails makes
/// the whole measurement an Error (a verdict on half the picture could blame the canary for stable's incident).
/// </summary>
internal static class SloMeasurer
{
    public static async Task<MeasurementResult> MeasureAsync(Rollout rollout, DueMeasurement due, SloPlan slo, ResolvedVariables variables, DateTimeOffset at, Func<string, PrometheusMetric, Task<MetricQueryResult>> ask)
    {
        var template = SloQueries.ErrorRatio(slo.Good, slo.Bad, slo.Total);
        if (variables.Errors.Count > 0)
        {
            return Failed(due, at, "query arguments: " + string.Join("; ", variables.Errors), null);
        }

        if (rollout.Status?.StableRevision is not { } stable)
        {
            return Failed(due, at, "the rollout has no stable revision to compare the canary's burn rate with", null);
        }

        var shown = Render(template, variables.ForDisplay(), due.Revision, slo.LongWindow).Query;
        var ratios = new double[4];
        var windows = new[] { (due.Revision, slo.LongWindow), (due.Revision, slo.ShortWindow), (stable, slo.LongWindow), (stable, slo.ShortWindow) };
        for (var i = 0; i < windows.Length; i++)
        {
            var rendered = Render(template, variables.Values, windows[i].Item1, windows[i].Item2);
            if (rendered.Query is not { } query)
            {
                return Failed(due, at, "query template: " + string.Join("; ", rendered.Errors), null);
            }

            var answer = await ask(query, due.Metric.Prometheus ?? throw new InvalidOperationException("an slo metric has Prometheus settings: the parser refuses any other provider")).ConfigureAwait(false);
            if (answer.Error is { } error)
            {
                return Failed(due, at, $"{Role(i)} query: {error}", shown);
            }

            ratios[i] = Worst(answer.Values);
        }

        var reading = new SloReading(ratios[0], ratios[1], ratios[2], ratios[3], TrafficShare(rollout));
        return new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, at, [ratios[0]], null, shown) { Slo = reading };
    }

    private static RenderResult Render(string template, IReadOnlyDictionary<string, string> values, string revision, TimeSpan window)
    {
        var variables = new Dictionary<string, string>(values, StringComparer.Ordinal);
        SloQueries.AddVariables(variables, revision, window);
        return PromQlTemplate.Render(template, variables);
    }

    // Several series (e.g. one per route): the revision is judged by its worst one. NaN series carry no data.
    private static double Worst(IReadOnlyList<double> values)
    {
        var numbers = values.Where(v => !double.IsNaN(v)).ToList();
        return numbers.Count == 0 ? double.NaN : numbers.Max();
    }

    // The canary's observed share of traffic now; blue/green and replica-ratio canaries report it in status.traffic too.
    private static double TrafficShare(Rollout rollout) =>
        rollout.Status?.Traffic is { } traffic ? (traffic.ObservedWeight ?? traffic.DesiredWeight) / 100.0 : 1.0;

    private static string Role(int index) => index switch
    {
        0 => "canary long-window",
        1 => "canary short-window",
        2 => "stable long-window",
        _ => "stable short-window",
    };

    private static MeasurementResult Failed(DueMeasurement due, DateTimeOffset at, string error, string? query) =>
        new(due.AnalysisKey, due.Revision, due.Metric.Name, at, null, error, query);
}
