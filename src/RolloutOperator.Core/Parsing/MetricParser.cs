using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Expressions;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Turns one metric into a <see cref="MetricPlan"/>: defaults applied, durations parsed, conditions compiled.</summary>
internal static partial class MetricParser
{
    /// <summary>The success condition of a job metric that states none.</summary>
    public const string JobSuccess = "result == 1";

    public static MetricPlan? Parse(Metric? metric, string path, bool gating, IReadOnlySet<string> args, MetricOrigin origin, SpecErrors errors)
    {
        if (metric is null)
        {
            errors.Add(path, "metric must not be null");
            return null;
        }

        var before = errors.Count;
        CheckName(metric.Name, $"{path}.name", errors);
        var interval = Fields.Duration(metric.Interval, SpecDefaults.Interval, $"{path}.interval", errors, positive: true);
        var initialDelay = Fields.Duration(metric.InitialDelay, "0", $"{path}.initialDelay", errors);
        var count = Count(metric.Count, gating, $"{path}.count", errors);
        var (failureLimit, inconclusiveLimit, errorLimit, retention) = Limits(metric, path, errors);
        var successStreak = SuccessStreak(metric.ConsecutiveSuccessLimit, count, $"{path}.consecutiveSuccessLimit", errors);
        var judge = metric.Judge is null ? null : JudgeParser.Parse(metric, path, args, errors);
        var (success, failure) = metric.Judge is null ? Judgement(metric, path, errors) : (null, null);
        CheckKind(metric, path, errors);

        var (prometheus, web, job) = MetricProviders.Parse(metric, $"{path}.provider", args, origin, errors);
        var slo = metric.Slo is null ? null : SloParser.Parse(metric.Slo, $"{path}.slo", interval, count, args, errors);
        if (errors.Count > before || (prometheus is null && web is null && job is null))
        {
            return null;
        }

        return new MetricPlan(
            metric.Name,
            interval,
            count,
            initialDelay,
            failureLimit,
            inconclusiveLimit,
            errorLimit,
            success,
            failure,
            metric.ThresholdRange,
            metric.NoDataPolicy ?? SpecDefaults.NoData,
            prometheus)
        {
            DryRun = metric.DryRun ?? SpecDefaults.DryRun,
            MeasurementRetention = retention,
            ConsecutiveSuccessLimit = successStreak,
            Judge = judge,
            Slo = slo,
            Web = web,
            Job = job,
        };
    }

    private static (int Failure, int Inconclusive, int ConsecutiveError, int Retention) Limits(Metric metric, string path, SpecErrors errors) => (
        Fields.AtLeast(metric.FailureLimit, SpecDefaults.FailureLimit, 0, $"{path}.failureLimit", errors),
        Fields.AtLeast(metric.InconclusiveLimit, SpecDefaults.InconclusiveLimit, 0, $"{path}.inconclusiveLimit", errors),
        Fields.AtLeast(metric.ConsecutiveErrorLimit, SpecDefaults.ConsecutiveErrorLimit, 0, $"{path}.consecutiveErrorLimit", errors),
        Fields.Within(metric.MeasurementRetention, SpecDefaults.MeasurementRetention, 1, MetricPlan.MaxMeasurements, $"{path}.measurementRetention", errors));

    // A judge and an SLO gate each bring their own queries and verdict; a provider query beside them would never run.
    private static void CheckKind(Metric metric, string path, SpecErrors errors)
    {
        if (metric.Judge is not null && metric.Slo is not null)
        {
            errors.Add($"{path}.slo", "a metric is either a judge or an slo gate, not both: move one of them to a metric of its own");
        }

        if (metric.Slo is not null && !string.IsNullOrEmpty(metric.Provider?.Prometheus?.Query))
        {
            errors.Add($"{path}.provider.prometheus.query", "must be unset: the slo's good, bad and total are the queries");
        }
    }

    // A streak longer than count could never be seen: the metric stops at count first.
    private static int? SuccessStreak(int? limit, int? count, string path, SpecErrors errors)
    {
        if (limit is < 1)
        {
            errors.Add(path, $"must be at least 1, got {limit}");
        }
        else if (limit > count)
        {
            errors.Add(path, $"must not exceed count ({count}; gating analyses take 1 unless count is set), got {limit}: the metric would stop at count before the streak");
        }

        return limit;
    }

    private static void CheckName(string? name, string path, SpecErrors errors)
    {
        if (Fields.IsBlank(name))
        {
            errors.Add(path, "name is required");
        }
        else if (name!.Length > 63 || !NamePattern().IsMatch(name))
        {
            errors.Add(path, $"invalid metric name \"{name}\": use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }

    // Unset count: a gating analysis must finish, so it takes one measurement; background analysis runs until promotion.
    private static int? Count(int? count, bool gating, string path, SpecErrors errors)
    {
        if (count is < 1)
        {
            errors.Add(path, $"must be at least 1, got {count}");
        }

        return count ?? (gating ? SpecDefaults.GatingCount : null);
    }

    private static (IConditionExpression? Success, IConditionExpression? Failure) Judgement(Metric metric, string path, SpecErrors errors)
    {
        if (metric.Slo is not null)
        {
            // The SLO is the judgement; conditions next to it would silently never run.
            if (metric.SuccessCondition is not null || metric.FailureCondition is not null || metric.ThresholdRange is not null)
            {
                errors.Add($"{path}.slo", "an slo metric is judged by its burn rates: remove successCondition, failureCondition and thresholdRange");
            }
        }
        else if (metric.SuccessCondition is null && metric.FailureCondition is null && metric.ThresholdRange is null)
        {
            if (metric.Provider?.Job is not null)
            {
                // A Job's only values are 1 (Complete) and 0 (Failed): completing is the success.
                return (ConditionCompiler.Compile(JobSuccess, $"{path}.successCondition", errors), null);
            }

            errors.Add(path, "a metric needs successCondition, failureCondition or thresholdRange, a judge or an slo");
        }

        CheckRange(metric.ThresholdRange, $"{path}.thresholdRange", errors);
        return (
            ConditionCompiler.Compile(metric.SuccessCondition, $"{path}.successCondition", errors),
            ConditionCompiler.Compile(metric.FailureCondition, $"{path}.failureCondition", errors));
    }

    private static void CheckRange(ThresholdRange? range, string path, SpecErrors errors)
    {
        if (range is null)
        {
            return;
        }

        if (range.Min is null && range.Max is null)
        {
            errors.Add(path, "set min, max or both");
        }
        else if (range.Min > range.Max)
        {
            errors.Add(path, $"min ({range.Min}) must not exceed max ({range.Max})");
        }
        else if (double.IsNaN(range.Min ?? 0) || double.IsNaN(range.Max ?? 0))
        {
            errors.Add(path, "bounds must be numbers, not NaN");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
