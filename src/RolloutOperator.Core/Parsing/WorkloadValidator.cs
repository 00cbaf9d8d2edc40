using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates spec.template or spec.workloadRef with spec.selector, and derives the revision and selector string.</summary>
internal static class WorkloadValidator
{
    private const string TemplatePath = "spec.template";
    private const string RefPath = "spec.workloadRef";
    private const string SelectorPath = "spec.selector";

    public static WorkloadIdentity? Validate(RolloutSpec spec, ParseContext context, SpecErrors errors)
    {
        if ((spec.Template is null) == (spec.WorkloadRef is null))
        {
            errors.Add("spec", "set exactly one of template or workloadRef");
            return null;
        }

        return spec.Template is not null
            ? FromTemplate(spec.Template, spec.Selector, errors)
            : FromWorkloadRef(spec.WorkloadRef!, spec.Selector, context.WorkloadTemplate, errors);
    }

    private static WorkloadIdentity? FromTemplate(JsonObject template, LabelSelector? selector, SpecErrors errors)
    {
        if (JsonDepth.TooDeep(template, TemplatePath, errors))
        {
            return null;
        }

        if (!HasContainers(template))
        {
            errors.Add($"{TemplatePath}.spec.containers", "the pod template needs at least one container");
        }

        var labels = LabelSelectorMatcher.TemplateLabels(template, TemplatePath, errors);
        if (selector is null)
        {
            errors.Add(SelectorPath, "selector is required when template is set");
            return null;
        }

        LabelSelectorMatcher.Validate(selector, labels, SelectorPath, errors);
        return new WorkloadIdentity(RevisionHash.Compute(template), LabelSelectorFormatter.Format(selector));
    }

    private static WorkloadIdentity? FromWorkloadRef(WorkloadRef reference, LabelSelector? selector, JsonObject? template, SpecErrors errors)
    {
        CheckReference(reference, errors);
        if (Fields.IsBlank(reference.Name))
        {
            return null;
        }

        if (template is null)
        {
            errors.Add($"{RefPath}.name", $"Deployment \"{reference.Name}\" not found in the Rollout's namespace");
            return null;
        }

        if (JsonDepth.TooDeep(template, $"{RefPath}.name", errors))
        {
            return null;
        }

        if (!HasContainers(template))
        {
            errors.Add($"{RefPath}.name", $"the pod template of Deployment \"{reference.Name}\" has no containers");
        }

        var labels = LabelSelectorMatcher.TemplateLabels(template, $"{RefPath}.name", errors);
        return new WorkloadIdentity(RevisionHash.Compute(template), SelectorFor(selector, labels, reference.Name, errors));
    }

    private static void CheckReference(WorkloadRef reference, SpecErrors errors)
    {
        if (Fields.IsBlank(reference.Name))
        {
            errors.Add($"{RefPath}.name", "name is required");
        }

        var kind = reference.Kind ?? SpecDefaults.WorkloadKind;
        if (kind != SpecDefaults.WorkloadKind)
        {
            errors.Add($"{RefPath}.kind", $"only Deployment is supported, got \"{kind}\"");
        }

        var apiVersion = reference.ApiVersion ?? SpecDefaults.WorkloadApiVersion;
        if (apiVersion != SpecDefaults.WorkloadApiVersion)
        {
            errors.Add($"{RefPath}.apiVersion", $"only apps/v1 is supported, got \"{apiVersion}\"");
        }
    }

    // Without spec.selector the Deployment's pod labels are the selector: they are exactly what its pods carry.
    private static string SelectorFor(LabelSelector? selector, Dictionary<string, string> labels, string name, SpecErrors errors)
    {
        if (selector is not null)
        {
            LabelSelectorMatcher.Validate(selector, labels, SelectorPath, errors);
            return LabelSelectorFormatter.Format(selector);
        }

        if (labels.Count == 0)
        {
            errors.Add(SelectorPath, $"selector is required: the pod template of Deployment \"{name}\" has no labels");
        }

        return LabelSelectorFormatter.FromLabels(labels);
    }

    private static bool HasContainers(JsonObject template) =>
        template["spec"] is JsonObject podSpec && podSpec["containers"] is JsonArray { Count: > 0 };
}
