using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// Classifies one judged metric. A difference counts only when it is both significant (the rank test) and large (the
// median moved by more than the tolerance), and only in the bad direction; too few samples is NoData, never a pass.
public static class JudgeClassifier
{
    public static JudgeMetricStatus Classify(JudgePlan judge, JudgeMetricPlan metric, JudgeSample? sample)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(metric);
        var status = new JudgeMetricStatus { Name = metric.Name, Weight = metric.Weight, Classification = JudgeClassification.NoData };
        if (sample is null)
        {
            return status with { Message = "not measured" };
        }

        status = status with
        {
            CanarySamples = sample.Canary.Count,
            ControlSamples = sample.Control.Count,
            CanaryMedian = Format(Median(sample.Canary)),
            ControlMedian = Format(Median(sample.Control)),
            CanaryDistribution = Finite(sample.CanaryDistribution),
            ControlDistribution = Finite(sample.ControlDistribution),
        };
        if (sample.Canary.Count < metric.MinSamples || sample.Control.Count < metric.MinSamples || sample.Test is not { } test)
        {
            return status with { Message = $"too few samples: canary {sample.Canary.Count}, control {sample.Control.Count}; minSamples {metric.MinSamples}" };
        }

        var effect = RelativeChange(Median(sample.Canary)!.Value, Median(sample.Control)!.Value);
        status = status with { PValue = Format(test.PValue), Effect = Format(effect) };
        var (classification, message) = Decide(judge, metric, test, effect);
        return status with { Classification = classification, Message = message };
    }

    private static (JudgeClassification, string) Decide(JudgePlan judge, JudgeMetricPlan metric, RankSumTest test, double effect)
    {
        if (!(test.PValue < judge.Significance))
        {
            return (JudgeClassification.Pass, $"no significant difference (p {Format(test.PValue)} >= {Format(judge.Significance)})");
        }

        // The side comes from the ranks (what the test measured); the size from the medians.
        var higher = test.Z > 0;
        var beyond = higher ? effect > metric.Tolerance : effect < -metric.Tolerance;
        var side = higher ? "higher" : "lower";
        if (!beyond)
        {
            return (JudgeClassification.Pass, $"{side} but within tolerance {Format(metric.Tolerance)} (change {Format(effect)})");
        }

        var bad = metric.Direction == JudgeDirection.Either || (metric.Direction == JudgeDirection.Increase) == higher;
        if (!bad)
        {
            return (JudgeClassification.Pass, $"{side} (change {Format(effect)}), which direction {metric.Direction} allows");
        }

        return (higher ? JudgeClassification.High : JudgeClassification.Low,
            $"canary significantly {side}: change {Format(effect)} beyond tolerance {Format(metric.Tolerance)}, p {Format(test.PValue)}");
    }

    /// <summary>Change of the canary's median relative to the control's; a zero control median gives 0 or an infinity.</summary>
    public static double RelativeChange(double canary, double control)
    {
        if (control == 0)
        {
            return canary == 0 ? 0 : canary > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        }

        return (canary - control) / Math.Abs(control);
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // JSON has no infinities: a distribution that has one (Prometheus can answer +Inf) is left out rather than written.
    private static JudgeDistribution? Finite(JudgeDistribution? d) =>
        d is not null && new[] { d.P10, d.P25, d.P50, d.P75, d.P90 }.All(double.IsFinite) ? d : null;

    // Four significant digits: enough to read a status, short enough for its bounded fields.
    internal static string? Format(double? value) => value?.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
