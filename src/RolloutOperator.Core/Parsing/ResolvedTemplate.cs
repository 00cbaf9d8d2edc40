using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>A template reference of an analysis together with the template it names; <see cref="Path"/> is the reference's field.</summary>
internal sealed record ResolvedTemplate(string Name, bool ClusterScope, AnalysisTemplateSpec Spec, string Path)
{
    public string Label => $"{(ClusterScope ? "ClusterAnalysisTemplate" : "AnalysisTemplate")} \"{Name}\"";
}
