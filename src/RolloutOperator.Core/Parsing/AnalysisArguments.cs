using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Merges the templates' declared arguments with the Rollout's values. A Rollout value overrides a template default; a
/// declared argument with no value anywhere is an error, and so is a Rollout argument nothing uses (most likely a typo).
/// </summary>
internal static class AnalysisArguments
{
    /// <param name="complete">False when a template was not found: it may declare any argument, so none is reported unknown.</param>
    public static ArgumentSet Resolve(RolloutAnalysis analysis, IReadOnlyList<ResolvedTemplate> templates, bool complete, string path, SpecErrors errors)
    {
        var declared = Declared(templates, errors);
        var supplied = Supplied(analysis, declared, complete, path, errors);
        var plans = new List<ArgumentPlan>();
        foreach (var (name, (arg, template)) in declared)
        {
            if (supplied.TryGetValue(name, out var value))
            {
                plans.Add(value);
            }
            else if (FromTemplate(arg) is { } fallback)
            {
                plans.Add(fallback);
            }
            else if (!Mentions(analysis, name))
            {
                errors.Add($"{path}.args", $"argument \"{name}\" of {template.Label} has no value; set it in args");
            }
        }

        plans.AddRange(supplied.Where(pair => !declared.ContainsKey(pair.Key)).Select(pair => pair.Value));
        var names = declared.Keys.Concat(supplied.Keys).ToHashSet(StringComparer.Ordinal);
        return new ArgumentSet(plans, names);
    }

    // Two templates may declare the same argument; they then share one value, so their defaults must agree.
    private static Dictionary<string, (AnalysisArg Arg, ResolvedTemplate Template)> Declared(IReadOnlyList<ResolvedTemplate> templates, SpecErrors errors)
    {
        var declared = new Dictionary<string, (AnalysisArg Arg, ResolvedTemplate Template)>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            foreach (var arg in template.Spec.Args ?? [])
            {
                if (arg is null || Fields.IsBlank(arg.Name))
                {
                    continue;
                }

                if (!declared.TryGetValue(arg.Name, out var earlier))
                {
                    declared[arg.Name] = (arg, template);
                }
                else if (earlier.Arg.Value is not null && arg.Value is not null && earlier.Arg.Value != arg.Value)
                {
                    errors.Add(template.Path, $"argument \"{arg.Name}\" has default \"{arg.Value}\" here but \"{earlier.Arg.Value}\" in {earlier.Template.Label}");
                }
            }
        }

        return declared;
    }

    private static Dictionary<string, ArgumentPlan> Supplied(
        RolloutAnalysis analysis,
        Dictionary<string, (AnalysisArg Arg, ResolvedTemplate Template)> declared,
        bool complete,
        string path,
        SpecErrors errors)
    {
        var usedInline = (analysis.Metrics ?? []).SelectMany(QueryPlaceholders.MetricArgNames).ToHashSet(StringComparer.Ordinal);
        var supplied = new Dictionary<string, ArgumentPlan>(StringComparer.Ordinal);
        var args = analysis.Args ?? [];
        for (var i = 0; i < args.Count; i++)
        {
            var at = $"{path}.args[{i}]";
            var name = args[i]?.Name;
            if (complete && !Fields.IsBlank(name) && !declared.ContainsKey(name!) && !usedInline.Contains(name!))
            {
                errors.Add($"{at}.name", $"unknown argument \"{name}\"; {Known(declared.Keys, analysis.Metrics?.Count > 0)}");
            }
            else if (Value(args[i], at, errors) is { } plan && !supplied.TryAdd(plan.Name, plan))
            {
                errors.Add($"{at}.name", $"duplicate argument \"{plan.Name}\"");
            }
        }

        return supplied;
    }

    private static ArgumentPlan? Value(AnalysisArgValue? arg, string path, SpecErrors errors)
    {
        if (arg is null || Fields.IsBlank(arg.Name))
        {
            errors.Add($"{path}.name", "name is required");
            return null;
        }

        var fieldPath = arg.ValueFrom?.FieldRef?.FieldPath;
        if ((arg.Value is null) == (arg.ValueFrom is null))
        {
            errors.Add(path, "set exactly one of value and valueFrom");
            return null;
        }

        if (arg.ValueFrom is not null && Fields.IsBlank(fieldPath))
        {
            errors.Add($"{path}.valueFrom.fieldRef.fieldPath", "fieldPath is required");
            return null;
        }

        return new ArgumentPlan(arg.Name, arg.Value, null, fieldPath);
    }

    // A Rollout argument that names the template's argument but is malformed was already reported; "missing" would be noise.
    private static bool Mentions(RolloutAnalysis analysis, string name) => analysis.Args?.Any(a => a?.Name == name) == true;

    private static ArgumentPlan? FromTemplate(AnalysisArg arg) =>
        arg.Value is not null || arg.ValueFrom is not null
            ? new ArgumentPlan(arg.Name, arg.Value, arg.ValueFrom?.SecretKeyRef, arg.ValueFrom?.FieldRef?.FieldPath)
            : null;

    private static string Known(IEnumerable<string> names, bool hasInlineMetrics)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        var templates = list.Count == 0 ? "the templates declare no arguments" : $"the templates declare: {string.Join(", ", list)}";
        return hasInlineMetrics ? $"{templates}, and no inline metric's query uses it" : templates;
    }
}
