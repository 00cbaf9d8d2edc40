using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Cli.Manifests;

/// <summary>Runs the operator's own parser over the input: what lint reports is exactly what the operator would set as InvalidSpec.</summary>
internal static class Linter
{
    public static IReadOnlyList<LintFinding> Lint(ManifestSet set)
    {
        var findings = new List<LintFinding>(set.Findings);
        foreach (var template in set.Templates)
        {
            findings.AddRange(AnalysisTemplateValidator.Validate(template.Spec, clusterScope: template.ClusterScope)
                .Select(e => new LintFinding(template.Document.Label, e.Path, e.Message)));
        }

        var context = set.Context;
        foreach (var rollout in set.Rollouts)
        {
            findings.AddRange(SpecParser.Parse(rollout.Spec, context).Errors
                .Select(e => new LintFinding(rollout.Document.Label, e.Path, e.Message)));
        }

        return findings;
    }
}
