using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>Standalone lint of an AnalysisTemplate or ClusterAnalysisTemplate: metric rules, duplicate names, and placeholders against its own args.</summary>
public static class AnalysisTemplateValidator
{
    public static IReadOnlyList<SpecError> Validate(AnalysisTemplateSpec spec, string pathPrefix = "spec")
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pathPrefix);
        var errors = new SpecErrors();
        TemplateParser.ParseMetrics(spec, pathPrefix, gating: true, errors);
        return errors.All;
    }
}
