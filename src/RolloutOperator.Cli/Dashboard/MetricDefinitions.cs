using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Finds a metric's definition (for its thresholds) among the Rollout's inline metrics and the templates it references.</summary>
internal static class MetricDefinitions
{
    public static Metric? Find(ClusterCache cache, Rollout rollout, string metricName)
    {
        foreach (var analysis in Analyses(rollout.Spec.Strategy))
        {
            if (analysis.Metrics?.Find(m => m.Name == metricName) is { } inline)
            {
                return inline;
            }

            foreach (var reference in analysis.Templates ?? [])
            {
                var template = reference.ClusterScope == true
                    ? cache.ClusterTemplates.Find("", reference.TemplateName)
                    : cache.Templates.Find(rollout.Metadata.NamespaceProperty ?? "", reference.TemplateName);
                if (template?.Spec.Metrics.Find(m => m.Name == metricName) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static IEnumerable<RolloutAnalysis> Analyses(RolloutStrategy strategy)
    {
        foreach (var step in strategy.Canary?.Steps ?? [])
        {
            if (step.Analysis is { } analysis)
            {
                yield return analysis;
            }
        }

        var candidates = new RolloutAnalysis?[] { strategy.Canary?.Analysis, strategy.BlueGreen?.PrePromotionAnalysis, strategy.BlueGreen?.PostPromotionAnalysis };
        foreach (var analysis in candidates.OfType<RolloutAnalysis>())
        {
            yield return analysis;
        }
    }
}
