using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The schema defaults, applied by the parser because lint reads raw manifests that no API server has defaulted.
/// <see cref="ByField"/> lists every one so a test can hold them equal to the [DefaultValue] attributes.
/// </summary>
internal static class SpecDefaults
{
    public const int Replicas = 1;
    public const int ProgressDeadlineSeconds = 600;
    public const bool ProgressDeadlineAbort = false;
    public const int RevisionHistoryLimit = 10;
    public const bool Paused = false;
    public const int MinReadySeconds = 0;
    public const string WorkloadApiVersion = "apps/v1";
    public const string WorkloadKind = "Deployment";
    public const WorkloadScaleDown WorkloadScaleDownPolicy = WorkloadScaleDown.Never;
    public const int ScaleDownDelaySeconds = 30;
    public const int AbortScaleDownDelaySeconds = 30;
    public const bool DynamicStableScale = false;
    public const int BackgroundStartingStep = 0;
    public const bool AutoPromotionEnabled = true;
    public const int AutoPromotionSeconds = 0;
    public const bool ClusterScope = false;
    public const string NginxAnnotationPrefix = "nginx.ingress.kubernetes.io";
    public const string IstioStableSubset = IstioDestinationRule.DefaultStableSubset;
    public const string IstioCanarySubset = IstioDestinationRule.DefaultCanarySubset;
    public const string AlbAnnotationPrefix = AlbDefaults.AnnotationPrefix;
    public const int AlbStickinessSeconds = AlbDefaults.StickinessSeconds;
    public const double MirrorPercentage = 100;
    public const string Interval = "1m";
    public const int FailureLimit = 0;
    public const int InconclusiveLimit = 0;
    public const int ConsecutiveErrorLimit = 4;
    public const NoDataPolicy NoData = NoDataPolicy.Retry;
    public const bool DryRun = false;
    public const int MeasurementRetention = 10;
    public const string PrometheusTimeout = "30s";
    public const string PrometheusRangeStep = "15s";
    public const string WebTimeout = WebParser.DefaultTimeout;
    public const WebMethod WebMethodDefault = WebMethod.GET;
    public const bool InsecureSkipVerify = false;
    public const double BurnRateThreshold = 6.0;
    public const string SloPeriod = "720h";
    public const StableBurnPolicy StableBurning = StableBurnPolicy.Hold;
    public const string ErrorBudgetInterval = "5m";
    public const string WebhookTimeout = "10s";
    public const string WebhookInterval = "10s";
    public const int WebhookFailureLimit = 0;
    public const bool NotificationInheritDefaults = true;
    public const CloudEventsMode NotificationCloudEventsMode = CloudEventsMode.Structured;
    public const double MinRemainingPercent = 10.0;

    /// <summary>Gating analyses (steps, pre/post promotion) take one measurement unless told otherwise; background runs until promotion.</summary>
    public const int GatingCount = 1;

    public static IntOrString MaxSurge { get; } = new("25%");

    public static IntOrString MaxUnavailable { get; } = IntOrString.FromInt(0);

    // Grouped only to keep each list short; a field listed in two groups fails at start-up instead of silently winning.
    public static IReadOnlyDictionary<string, object> ByField { get; } = Index(RolloutFields(), RoutingFields(), AnalysisFields());

    private static Dictionary<string, object> Index(params Dictionary<string, object>[] groups)
    {
        var all = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (field, value) in groups.SelectMany(g => g))
        {
            all.Add(field, value);
        }

        return all;
    }

    // The Rollout, its workload and its strategies.
    private static Dictionary<string, object> RolloutFields() => new(StringComparer.Ordinal)
    {
        ["RolloutSpec.Replicas"] = Replicas,
        ["RolloutSpec.ProgressDeadlineSeconds"] = ProgressDeadlineSeconds,
        ["RolloutSpec.ProgressDeadlineAbort"] = ProgressDeadlineAbort,
        ["RolloutSpec.RevisionHistoryLimit"] = RevisionHistoryLimit,
        ["RolloutSpec.Paused"] = Paused,
        ["RolloutSpec.MinReadySeconds"] = MinReadySeconds,
        ["WorkloadRef.ApiVersion"] = WorkloadApiVersion,
        ["WebMetric.Timeout"] = WebTimeout,
        ["WebMetric.Method"] = WebMethodDefault,
        ["WorkloadRef.Kind"] = WorkloadKind,
        ["WorkloadRef.ScaleDown"] = WorkloadScaleDownPolicy,
        ["CanaryStrategy.MaxSurge"] = MaxSurge,
        ["CanaryStrategy.MaxUnavailable"] = MaxUnavailable,
        ["CanaryStrategy.ScaleDownDelaySeconds"] = ScaleDownDelaySeconds,
        ["CanaryStrategy.AbortScaleDownDelaySeconds"] = AbortScaleDownDelaySeconds,
        ["CanaryStrategy.DynamicStableScale"] = DynamicStableScale,
        ["BackgroundAnalysis.StartingStep"] = BackgroundStartingStep,
        ["BlueGreenStrategy.AutoPromotionEnabled"] = AutoPromotionEnabled,
        ["BlueGreenStrategy.AutoPromotionSeconds"] = AutoPromotionSeconds,
        ["BlueGreenStrategy.ScaleDownDelaySeconds"] = ScaleDownDelaySeconds,
        ["BlueGreenStrategy.AbortScaleDownDelaySeconds"] = AbortScaleDownDelaySeconds,
    };

    // Template references, traffic routers, the judge and mirrors.
    private static Dictionary<string, object> RoutingFields() => new(StringComparer.Ordinal)
    {
        ["AnalysisTemplateRef.ClusterScope"] = ClusterScope,
        ["NginxRouting.AnnotationPrefix"] = NginxAnnotationPrefix,
        ["CanaryJudge.Control"] = JudgeDefaults.Control,
        ["CanaryJudge.PassScore"] = JudgeDefaults.PassScore,
        ["CanaryJudge.MarginalScore"] = JudgeDefaults.MarginalScore,
        ["CanaryJudge.Significance"] = JudgeDefaults.Significance,
        ["JudgeMetric.Direction"] = JudgeDefaults.Direction,
        ["JudgeMetric.Tolerance"] = JudgeDefaults.Tolerance,
        ["JudgeMetric.MinSamples"] = JudgeDefaults.MinSamples,
        ["JudgeMetric.Weight"] = JudgeDefaults.Weight,
        ["IstioDestinationRule.StableSubsetName"] = IstioStableSubset,
        ["IstioDestinationRule.CanarySubsetName"] = IstioCanarySubset,
        ["AlbRouting.AnnotationPrefix"] = AlbAnnotationPrefix,
        ["AlbStickiness.DurationSeconds"] = AlbStickinessSeconds,
        ["SetMirrorRoute.Percentage"] = MirrorPercentage,
    };

    // Metrics, providers, SLOs, the error budget, webhooks and notifications.
    private static Dictionary<string, object> AnalysisFields() => new(StringComparer.Ordinal)
    {
        ["Metric.Interval"] = Interval,
        ["Metric.FailureLimit"] = FailureLimit,
        ["Metric.InconclusiveLimit"] = InconclusiveLimit,
        ["Metric.ConsecutiveErrorLimit"] = ConsecutiveErrorLimit,
        ["Metric.NoDataPolicy"] = NoData,
        ["Metric.DryRun"] = DryRun,
        ["Metric.MeasurementRetention"] = MeasurementRetention,
        ["PrometheusMetric.Timeout"] = PrometheusTimeout,
        ["PrometheusRange.Step"] = PrometheusRangeStep,
        ["TlsSettings.InsecureSkipVerify"] = InsecureSkipVerify,
        ["ServiceLevelObjective.BurnRateThreshold"] = BurnRateThreshold,
        ["ServiceLevelObjective.Period"] = SloPeriod,
        ["ServiceLevelObjective.StableBurning"] = StableBurning,
        ["ErrorBudgetPolicy.Period"] = SloPeriod,
        ["ErrorBudgetPolicy.MinRemainingPercent"] = MinRemainingPercent,
        ["ErrorBudgetPolicy.Interval"] = ErrorBudgetInterval,
        ["Webhook.Timeout"] = WebhookTimeout,
        ["Webhook.Interval"] = WebhookInterval,
        ["Webhook.FailureLimit"] = WebhookFailureLimit,
        ["RolloutNotifications.InheritDefaults"] = NotificationInheritDefaults,
        ["WebhookSink.ContentType"] = BodyTemplate.JsonContentType,
        ["CloudEventsSink.Mode"] = NotificationCloudEventsMode,
        ["ErrorBudgetPolicy.ConsecutiveErrorLimit"] = ConsecutiveErrorLimit,
    };
}
