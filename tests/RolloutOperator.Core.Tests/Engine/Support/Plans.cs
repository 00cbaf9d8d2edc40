using RolloutOperator.Core.Api;
using RolloutOperator.Core.Expressions;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Engine.Support;

/// <summary>Small builders for plans, so scenarios read as the steps they run.</summary>
public static class Plans
{
    public static RolloutPlan Canary(string revision, params CanaryStepPlan[] steps) =>
        Rollout(revision, CanaryStrategy(steps));

    public static CanaryPlan CanaryStrategy(params CanaryStepPlan[] steps) => new(
        steps,
        Background: null,
        BackgroundStartingStep: 0,
        Routers: ["gatewayAPI"],
        MaxSurge: 1,
        MaxUnavailable: 0,
        ScaleDownDelay: TimeSpan.FromSeconds(30),
        AbortScaleDownDelay: TimeSpan.FromSeconds(30),
        DynamicStableScale: false);

    public static RolloutPlan Rollout(string revision, StrategyPlan strategy, int replicas = 4) => new(
        revision,
        replicas,
        strategy,
        ProgressDeadline: TimeSpan.FromMinutes(10),
        ProgressDeadlineAbort: false,
        Paused: false,
        RevisionHistoryLimit: 3,
        RollbackWindowRevisions: 0,
        Selector: "app=demo");

    public static BlueGreenPlan BlueGreen(AnalysisPlan? pre = null, AnalysisPlan? post = null, bool auto = true, int autoSeconds = 0) => new(
        auto,
        TimeSpan.FromSeconds(autoSeconds),
        PreviewReplicas: null,
        pre,
        post,
        ScaleDownDelay: TimeSpan.FromSeconds(30),
        AbortScaleDownDelay: TimeSpan.FromSeconds(30),
        HasPreviewService: true);

    public static SetWeightStepPlan Weight(int weight) => new(weight);

    public static PauseStepPlan Pause(int? seconds = null) => new(seconds is { } s ? TimeSpan.FromSeconds(s) : null);

    public static AnalysisStepPlan AnalysisStep(params MetricPlan[] metrics) => new(new AnalysisPlan(metrics, []));

    public static AnalysisPlan AnalysisOf(params MetricPlan[] metrics) => new(metrics, []);

    /// <summary>A metric that passes when the value is at least <paramref name="min"/>.</summary>
    public static MetricPlan Metric(string name, double min = 0.99, int? count = 1, int intervalSeconds = 10, int errorLimit = 2, NoDataPolicy noData = NoDataPolicy.Retry, int inconclusiveLimit = 0) => new(
        name,
        TimeSpan.FromSeconds(intervalSeconds),
        count,
        TimeSpan.Zero,
        FailureLimit: 0,
        InconclusiveLimit: inconclusiveLimit,
        ConsecutiveErrorLimit: errorLimit,
        SuccessCondition: null,
        FailureCondition: null,
        Range: new ThresholdRange { Min = min },
        NoData: noData,
        Prometheus: new PrometheusMetric { Query = $"sli_{name}" });

    /// <summary>A metric judged by expressions, so a value between the two thresholds is inconclusive.</summary>
    public static MetricPlan ConditionMetric(string name, string success, string failure, int? count = 1)
    {
        Assert.True(ConditionLanguage.TryParse(success, out var successExpression, out var error1), error1);
        Assert.True(ConditionLanguage.TryParse(failure, out var failureExpression, out var error2), error2);
        return Metric(name, count: count) with { Range = null, SuccessCondition = successExpression, FailureCondition = failureExpression };
    }
}
