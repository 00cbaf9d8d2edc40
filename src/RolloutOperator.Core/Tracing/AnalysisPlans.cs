using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tracing;

/// <summary>Finds the plan of an analysis run by its status key, to name each metric's provider.</summary>
internal static class AnalysisPlans
{
    public const string StepKeyPrefix = "step-";
    public const string PrePromotionKey = "prePromotion";

    public static AnalysisPlan? Find(RolloutPlan? plan, string key) => plan?.Strategy switch
    {
        CanaryPlan canary when key == "background" => canary.Background,
        CanaryPlan canary when StepIndex(key) is { } index && index < canary.Steps.Count => (canary.Steps[index] as AnalysisStepPlan)?.Analysis,
        BlueGreenPlan blueGreen when key == PrePromotionKey => blueGreen.PrePromotion,
        BlueGreenPlan blueGreen when key == "postPromotion" => blueGreen.PostPromotion,
        _ => null,
    };

    /// <summary>The canary step of a "step-N" run; null for background and blue/green runs.</summary>
    public static int? StepIndex(string key) =>
        key.StartsWith(StepKeyPrefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(StepKeyPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    /// <summary>The metric provider's name; every metric of a plan today queries Prometheus (judge and SLO metrics too).</summary>
    public static string? Provider(AnalysisPlan? analysis, string metric) =>
        analysis?.Metrics.FirstOrDefault(m => m.Name == metric) is { } found ? Provider(found) : null;

    private static string Provider(MetricPlan metric) => metric switch
    {
        { Web: not null } => "web",
        { Job: not null } => "job",
        { Slo: not null } => "prometheus-slo",
        { Judge: not null } => "prometheus-judge",
        _ => "prometheus",
    };
}
