using System.Globalization;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// Turns a judge's observation into its status (per-metric classification, weighted score) and one measurement.
// Missing data can only make a judgement worse, never better: NoData never counts as passing, and a judgement with a
// NoData metric is a no-data measurement (the metric's noDataPolicy) unless the metrics with data already fail it.
public static class JudgeScoring
{
    public static JudgeStatus Status(JudgePlan judge, JudgeObservation observation)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(observation);
        var metrics = judge.Metrics
            .Select(m => JudgeClassifier.Classify(judge, m, observation.Samples.FirstOrDefault(s => s.Metric == m.Name)))
            .ToList();
        return new JudgeStatus
        {
            Score = Score(metrics, noDataPasses: false),
            PassScore = judge.PassScore,
            MarginalScore = judge.MarginalScore,
            ControlRevision = Bounded.Text(observation.ControlRevision, 127),
            Metrics = metrics,
        };
    }

    public static Measurement Judge(MetricPlan metric, JudgeStatus status, Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(measurement);
        var summary = Summary(status);
        var best = Score(status.Metrics, noDataPasses: true);
        var missing = status.Metrics.Where(m => m.Classification == JudgeClassification.NoData).Select(m => m.Name).ToList();
        var value = Number(status.Score);
        if (best < status.MarginalScore)
        {
            return measurement with { Phase = AnalysisPhase.Failed, Value = value, Message = Bounded.Text($"failed: {summary}", Bounded.Message) };
        }

        if (missing.Count > 0)
        {
            var (phase, policy) = metric.NoData switch
            {
                NoDataPolicy.Fail => (AnalysisPhase.Failed, " (noDataPolicy Fail)"),
                NoDataPolicy.Inconclusive => (AnalysisPhase.Inconclusive, " (noDataPolicy Inconclusive)"),
                _ => (AnalysisPhase.Error, ""),
            };
            return measurement with { Phase = phase, NoData = true, Value = value, Message = Bounded.Text($"no data for {string.Join(", ", missing)}{policy}: {summary}", Bounded.Message) };
        }

        var verdict = status.Score >= status.PassScore ? AnalysisPhase.Successful
            : status.Score >= status.MarginalScore ? AnalysisPhase.Inconclusive
            : AnalysisPhase.Failed;
        var word = verdict switch
        {
            AnalysisPhase.Successful => "passed",
            AnalysisPhase.Inconclusive => "marginal, a human decides",
            _ => "failed",
        };
        return measurement with { Phase = verdict, Value = value, Message = Bounded.Text($"{word}: {summary}", Bounded.Message) };
    }

    private static double Score(IReadOnlyList<JudgeMetricStatus> metrics, bool noDataPasses)
    {
        var total = metrics.Sum(m => m.Weight);
        var passed = metrics.Where(m => m.Classification == JudgeClassification.Pass || (noDataPasses && m.Classification == JudgeClassification.NoData)).Sum(m => m.Weight);
        return total == 0 ? 0 : Math.Round(100.0 * passed / total, 2);
    }

    private static string Summary(JudgeStatus status)
    {
        var metrics = string.Join("; ", status.Metrics.Select(Describe));
        return $"score {Number(status.Score)} (pass {status.PassScore}, marginal {status.MarginalScore}) against {status.ControlRevision}: {metrics}";
    }

    private static string Describe(JudgeMetricStatus m) => m.Classification == JudgeClassification.NoData
        ? $"{m.Name} NoData ({m.Message})"
        : $"{m.Name} {m.Classification} (median {m.CanaryMedian} vs {m.ControlMedian}, change {m.Effect}, p {m.PValue})";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
