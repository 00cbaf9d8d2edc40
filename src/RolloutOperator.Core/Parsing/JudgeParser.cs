using System.Text.RegularExpressions;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Validates a metric's <c>judge</c>: scores, significance, and each judged metric's query (which may use
/// {{judge.revision}} besides the usual placeholders), direction, tolerance, samples and weight.
/// </summary>
internal static partial class JudgeParser
{
    public static JudgePlan? Parse(Metric metric, string path, IReadOnlySet<string> args, SpecErrors errors)
    {
        var judge = metric.Judge!;
        var at = $"{path}.judge";
        var before = errors.Count;
        CheckShape(metric, path, errors);
        var pass = Fields.Within(judge.PassScore, JudgeDefaults.PassScore, 0, 100, $"{at}.passScore", errors);
        var marginal = Fields.Within(judge.MarginalScore, JudgeDefaults.MarginalScore, 0, 100, $"{at}.marginalScore", errors);
        if (marginal > pass)
        {
            errors.Add($"{at}.marginalScore", $"marginalScore ({marginal}) must not exceed passScore ({pass})");
        }

        var significance = judge.Significance ?? JudgeDefaults.Significance;
        if (!(significance > 0 && significance <= 0.5))
        {
            errors.Add($"{at}.significance", $"must be greater than 0 and at most 0.5, got {significance}");
        }

        var metrics = ParseMetrics(judge.Metrics ?? [], $"{at}.metrics", args, errors);
        return errors.Count > before ? null : new JudgePlan(judge.Control ?? JudgeDefaults.Control, pass, marginal, significance, metrics);
    }

    // A judge is judged by its score over range queries; conditions or an instant query would silently mean nothing.
    private static void CheckShape(Metric metric, string path, SpecErrors errors)
    {
        if (metric.SuccessCondition is not null || metric.FailureCondition is not null || metric.ThresholdRange is not null)
        {
            errors.Add(path, "a judge metric is judged by its score: remove successCondition, failureCondition and thresholdRange");
        }

        if (metric.Provider?.Prometheus is { } prometheus)
        {
            if (prometheus.Query is not null)
            {
                errors.Add($"{path}.provider.prometheus.query", "a judge takes its queries from judge.metrics[].query; remove provider.prometheus.query");
            }

            if (prometheus.Range is null)
            {
                errors.Add($"{path}.provider.prometheus.range", "a judge compares samples over a window: set range.window (and optionally range.step)");
            }
        }
    }

    private static List<JudgeMetricPlan> ParseMetrics(List<JudgeMetric> metrics, string path, IReadOnlySet<string> args, SpecErrors errors)
    {
        if (metrics.Count == 0)
        {
            errors.Add(path, "a judge needs at least one metric");
        }
        else if (metrics.Count > 16)
        {
            errors.Add(path, $"at most 16 metrics, got {metrics.Count}");
        }

        var plans = new List<JudgeMetricPlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (ParseMetric(metrics[i], at, args, errors) is { } plan)
            {
                if (names.Add(plan.Name))
                {
                    plans.Add(plan);
                }
                else
                {
                    errors.Add($"{at}.name", $"duplicate judge metric name \"{plan.Name}\"");
                }
            }
        }

        return plans;
    }

    private static JudgeMetricPlan? ParseMetric(JudgeMetric? metric, string path, IReadOnlySet<string> args, SpecErrors errors)
    {
        if (metric is null)
        {
            errors.Add(path, "metric must not be null");
            return null;
        }

        var before = errors.Count;
        if (Fields.IsBlank(metric.Name) || metric.Name.Length > 63 || !NamePattern().IsMatch(metric.Name))
        {
            errors.Add($"{path}.name", $"invalid judge metric name \"{Fields.Shown(metric.Name ?? "")}\": use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }

        if (Fields.IsBlank(metric.Query))
        {
            errors.Add($"{path}.query", "query is required");
        }
        else
        {
            QueryPlaceholders.Validate(metric.Query, args, $"{path}.query", errors, JudgeVariables.Names);
        }

        var tolerance = metric.Tolerance ?? JudgeDefaults.Tolerance;
        if (!(tolerance >= 0 && double.IsFinite(tolerance)))
        {
            errors.Add($"{path}.tolerance", $"must be a finite number of at least 0, got {tolerance}");
        }

        var minSamples = Fields.Within(metric.MinSamples, JudgeDefaults.MinSamples, 5, 11000, $"{path}.minSamples", errors);
        var weight = Fields.Within(metric.Weight, JudgeDefaults.Weight, 1, 1000, $"{path}.weight", errors);
        return errors.Count > before
            ? null
            : new JudgeMetricPlan(metric.Name!, metric.Query!, metric.Direction ?? JudgeDefaults.Direction, tolerance, minSamples, weight);
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
