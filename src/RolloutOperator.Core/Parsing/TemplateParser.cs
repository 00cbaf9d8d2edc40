using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates an AnalysisTemplate's own arguments and metrics; shared by standalone lint and the Rollout parser.</summary>
internal static class TemplateParser
{
    public static List<MetricPlan> ParseMetrics(AnalysisTemplateSpec spec, string prefix, bool gating, MetricOrigin origin, SpecErrors errors)
    {
        var args = CheckArgs(spec.Args ?? [], $"{prefix}.args", errors);
        var metrics = spec.Metrics ?? [];
        if (metrics.Count == 0)
        {
            errors.Add($"{prefix}.metrics", "a template needs at least one metric");
        }

        var plans = new List<MetricPlan>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            var path = $"{prefix}.metrics[{i}]";
            var plan = MetricParser.Parse(metrics[i], path, gating, args, origin, errors);
            if (metrics[i] is { } metric && !Fields.IsBlank(metric.Name) && !names.Add(metric.Name))
            {
                errors.Add($"{path}.name", $"duplicate metric name \"{metric.Name}\"");
            }
            else if (plan is not null)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }

    private static HashSet<string> CheckArgs(List<AnalysisArg> args, string path, SpecErrors errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var at = $"{path}[{i}]";
            if (Fields.IsBlank(arg?.Name))
            {
                errors.Add($"{at}.name", "name is required");
                continue;
            }

            if (!names.Add(arg!.Name))
            {
                errors.Add($"{at}.name", $"duplicate argument \"{arg.Name}\"");
            }

            CheckSource(arg, at, errors);
        }

        return names;
    }

    private static void CheckSource(AnalysisArg arg, string path, SpecErrors errors)
    {
        if (arg.ValueFrom is not { } source)
        {
            return;
        }

        if (arg.Value is not null)
        {
            errors.Add(path, "set at most one of value and valueFrom");
        }

        if ((source.SecretKeyRef is null) == (source.FieldRef is null))
        {
            errors.Add($"{path}.valueFrom", "set exactly one of secretKeyRef, fieldRef");
        }
        else if (source.SecretKeyRef is { } secret && (Fields.IsBlank(secret.Name) || Fields.IsBlank(secret.Key)))
        {
            errors.Add($"{path}.valueFrom.secretKeyRef", "name and key are required");
        }
        else if (source.FieldRef is { } field && Fields.IsBlank(field.FieldPath))
        {
            errors.Add($"{path}.valueFrom.fieldRef.fieldPath", "fieldPath is required");
        }
    }
}
