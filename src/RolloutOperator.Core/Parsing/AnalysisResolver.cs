using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Resolves one analysis of a Rollout into an <see cref="AnalysisPlan"/>: templates found by name, their metrics merged
/// with the inline ones (template metrics first), arguments merged. Errors inside a template are filed under the
/// reference to it, since the Rollout's status is where the user will look.
/// </summary>
internal static class AnalysisResolver
{
    public static AnalysisPlan? Resolve(RolloutAnalysis? analysis, string path, bool gating, ParseContext context, SpecErrors errors)
    {
        if (analysis is null)
        {
            return null;
        }

        if ((analysis.Templates?.Count ?? 0) + (analysis.Metrics?.Count ?? 0) == 0)
        {
            errors.Add(path, "an analysis needs at least one template or metric");
            return null;
        }

        var templates = ResolveTemplates(analysis.Templates ?? [], path, context, errors);
        var complete = templates.Count == (analysis.Templates?.Count ?? 0);
        var args = AnalysisArguments.Resolve(analysis, templates, complete, path, errors);
        var metrics = new List<MetricPlan>();
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var scoped = errors.Redirect(template.Path, template.Label);
            var origin = new MetricOrigin(template.ClusterScope, context.Providers);
            var plans = TemplateParser.ParseMetrics(template.Spec, "spec", gating, origin, scoped);
            AddUnique(plans, template.Path, template.Label, metrics, origins, errors);
        }

        var inline = analysis.Metrics ?? [];
        for (var i = 0; i < inline.Count; i++)
        {
            var at = $"{path}.metrics[{i}]";
            if (MetricParser.Parse(inline[i], at, gating, args.Names, MetricOrigin.Namespaced(context.Providers), errors) is { } plan)
            {
                AddUnique([plan], $"{at}.name", $"metrics[{i}]", metrics, origins, errors);
            }
        }

        return new AnalysisPlan(metrics, args.Plans);
    }

    private static List<ResolvedTemplate> ResolveTemplates(List<AnalysisTemplateRef> references, string path, ParseContext context, SpecErrors errors)
    {
        var resolved = new List<ResolvedTemplate>();
        for (var i = 0; i < references.Count; i++)
        {
            var at = $"{path}.templates[{i}].templateName";
            var reference = references[i];
            if (reference is null || Fields.IsBlank(reference.TemplateName))
            {
                errors.Add(at, "templateName is required");
                continue;
            }

            var clusterScope = reference.ClusterScope ?? SpecDefaults.ClusterScope;
            if (context.ResolveTemplate(reference.TemplateName, clusterScope) is { } spec)
            {
                resolved.Add(new ResolvedTemplate(reference.TemplateName, clusterScope, spec, at));
            }
            else
            {
                errors.Add(at, clusterScope
                    ? $"ClusterAnalysisTemplate \"{reference.TemplateName}\" not found"
                    : $"AnalysisTemplate \"{reference.TemplateName}\" not found in the Rollout's namespace");
            }
        }

        return resolved;
    }

    // Metric names key the analysis status; two metrics of one name would overwrite each other's measurements.
    private static void AddUnique(
        IEnumerable<MetricPlan> plans,
        string path,
        string origin,
        List<MetricPlan> metrics,
        Dictionary<string, string> origins,
        SpecErrors errors)
    {
        foreach (var plan in plans)
        {
            if (origins.TryAdd(plan.Name, origin))
            {
                metrics.Add(plan);
            }
            else
            {
                errors.Add(path, $"duplicate metric name \"{plan.Name}\": {origin} and {origins[plan.Name]} both define it");
            }
        }
    }
}
