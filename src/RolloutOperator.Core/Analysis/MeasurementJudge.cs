using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// Turns one raw provider answer into a judged measurement. No data is never a pass: the metric's policy decides.
public static class MeasurementJudge
{
    public static Measurement Judge(MetricPlan metric, MeasurementResult result)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(result);
        var measurement = new Measurement
        {
            At = KubeTime.Truncate(result.At),
            Query = Bounded.Text(result.Query, Bounded.Query),
        };
        if (result.Error is not null)
        {
            return measurement with { Phase = AnalysisPhase.Error, Message = Bounded.Text(result.Error, Bounded.Message) };
        }

        if (metric.Judge is { } judge)
        {
            return result.Judge is { } observed ? JudgeScoring.Judge(metric, JudgeScoring.Status(judge, observed), measurement) : NoData(metric.NoData, measurement);
        }

        if (metric.Slo is { } slo)
        {
            return result.Slo is { } reading && SloJudge.Judge(slo, reading) is { } judged
                ? measurement with { Phase = judged.Phase, Value = judged.Value, Message = Bounded.Text(judged.Message, Bounded.Message), Slo = judged.Slo }
                : NoData(metric.NoData, measurement);
        }

        // A NaN series (e.g. 0/0 for a pod without traffic) carries no data; only the remaining values are judged.
        var values = (result.Values ?? []).Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return NoData(metric.NoData, measurement);
        }

        var verdict = Evaluate(metric, values);
        return measurement with
        {
            Phase = verdict.Phase,
            Value = ValueFormat.Values(result.Values!),
            Message = Bounded.Text(verdict.Message, Bounded.Message),
        };
    }

    private static Measurement NoData(NoDataPolicy policy, Measurement measurement) => policy switch
    {
        NoDataPolicy.Fail => measurement with { Phase = AnalysisPhase.Failed, NoData = true, Message = "no data (noDataPolicy Fail)" },
        NoDataPolicy.Inconclusive => measurement with { Phase = AnalysisPhase.Inconclusive, NoData = true, Message = "no data (noDataPolicy Inconclusive)" },
        _ => measurement with { Phase = AnalysisPhase.Error, NoData = true, Message = "no data" },
    };

    private static Verdict Evaluate(MetricPlan metric, IReadOnlyList<double> values)
    {
        Verdict? range = metric.Range is { } r ? InRange(r, values) : null;
        Verdict? conditions = Conditions.Judge(metric.SuccessCondition, metric.FailureCondition, values);
        return (range, conditions) switch
        {
            ({ } a, { } b) => Verdict.Worst(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => new Verdict(AnalysisPhase.Error, "metric has no successCondition, failureCondition or thresholdRange"),
        };
    }

    private static Verdict InRange(ThresholdRange range, IReadOnlyList<double> values)
    {
        var min = range.Min ?? double.NegativeInfinity;
        var max = range.Max ?? double.PositiveInfinity;
        foreach (var v in values)
        {
            if (!(v >= min && v <= max))
            {
                return new Verdict(AnalysisPhase.Failed, $"value {ValueFormat.Number(v)} outside thresholdRange {ValueFormat.Range(range)}");
            }
        }

        return new Verdict(AnalysisPhase.Successful, $"within thresholdRange {ValueFormat.Range(range)}");
    }
}
