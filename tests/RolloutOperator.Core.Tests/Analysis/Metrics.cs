using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Expressions;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Analysis;

// Builders for analysis tests; defaults mirror the CRD defaults.
internal static class Metrics
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static MetricPlan Plan(
        string name = "success-rate",
        string? success = "result >= 0.99",
        string? failure = null,
        ThresholdRange? range = null,
        int? count = 3,
        int failureLimit = 0,
        int inconclusiveLimit = 0,
        int consecutiveErrorLimit = 4,
        NoDataPolicy noData = NoDataPolicy.Retry,
        TimeSpan? interval = null,
        TimeSpan? initialDelay = null) =>
        new(
            name,
            interval ?? TimeSpan.FromMinutes(1),
            count,
            initialDelay ?? TimeSpan.Zero,
            failureLimit,
            inconclusiveLimit,
            consecutiveErrorLimit,
            Condition(success),
            Condition(failure),
            range,
            noData,
            new PrometheusMetric { Query = "up" });

    public static MeasurementResult Result(string metric, DateTimeOffset at, params double[] values) =>
        new("step-1", "rev-a", metric, at, values, null, "up");

    public static MeasurementResult Failure(string metric, DateTimeOffset at, string error = "connection refused") =>
        new("step-1", "rev-a", metric, at, null, error, "up");

    public static Measurement Measured(AnalysisPhase phase, DateTimeOffset at, string? value = "1") =>
        new() { Phase = phase, At = at, Value = value, Message = phase.ToString() };

    private static IConditionExpression? Condition(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Assert.True(ConditionLanguage.TryParse(text, out var expression, out var error), error);
        return expression;
    }
}
