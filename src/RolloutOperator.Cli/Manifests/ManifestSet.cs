using System.Text.Json;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Cli.Manifests;

/// <summary>
/// The input sorted by kind and decoded into the operator's own API types. Decoding problems (a string where a number
/// belongs) become findings at their field path; documents of other kinds are skipped, so a whole app manifest can be linted.
/// </summary>
internal sealed class ManifestSet
{
    public List<RolloutManifest> Rollouts { get; } = [];

    public List<TemplateManifest> Templates { get; } = [];

    public List<LintFinding> Findings { get; } = [];

    public List<ManifestDocument> Skipped { get; } = [];

    /// <summary>Templates in the same input resolve references; offline there is no namespace to scope them by.</summary>
    public ParseContext Context => ParseContext.Offline(Templates.Select(t => (t.Name, t.ClusterScope, t.Spec)));

    public static ManifestSet Load(IEnumerable<ManifestDocument> documents)
    {
        var set = new ManifestSet();
        foreach (var document in documents)
        {
            set.Add(document);
        }

        return set;
    }

    private void Add(ManifestDocument document)
    {
        if (document.Refusal is { } refusal)
        {
            Findings.Add(new LintFinding(document.Label, "(document)", refusal));
            return;
        }

        var kind = document.Kind;
        var isTemplate = kind == CustomResources.AnalysisTemplate.Kind || kind == CustomResources.ClusterAnalysisTemplate.Kind;
        if (kind != CustomResources.Rollout.Kind && !isTemplate)
        {
            Skipped.Add(document);
            return;
        }

        if (document.ApiVersion != ApiGroup.ApiVersion)
        {
            Findings.Add(new LintFinding(document.Label, "apiVersion", $"must be {ApiGroup.ApiVersion}"));
        }

        if (CrdSchemas.For(kind) is { } schema)
        {
            Findings.AddRange(SchemaCheck.Validate(document.Node, schema).Select(e => new LintFinding(document.Label, e.Path, e.Message)));
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            Findings.Add(new LintFinding(document.Label, "metadata.name", "name is required"));
            return;
        }

        if (isTemplate)
        {
            AddTemplate(document, kind == CustomResources.ClusterAnalysisTemplate.Kind);
        }
        else if (Decode<RolloutSpec>(document) is { } spec)
        {
            Rollouts.Add(new RolloutManifest(document, document.Name, document.Namespace, spec));
        }
    }

    private void AddTemplate(ManifestDocument document, bool clusterScope)
    {
        if (Decode<AnalysisTemplateSpec>(document) is not { } spec)
        {
            return;
        }

        if (Templates.Any(t => t.Name == document.Name && t.ClusterScope == clusterScope))
        {
            Findings.Add(new LintFinding(document.Label, "metadata.name", $"a {document.Kind} named \"{document.Name}\" appears twice in the input"));
            return;
        }

        Templates.Add(new TemplateManifest(document, document.Name!, clusterScope, spec));
    }

    private TSpec? Decode<TSpec>(ManifestDocument document)
        where TSpec : class
    {
        try
        {
            var envelope = document.Node.Deserialize<ResourceEnvelope<TSpec, object>>(ApiJson.Options);
            if (envelope?.Spec is null)
            {
                Findings.Add(new LintFinding(document.Label, "spec", "spec is required"));
            }

            return envelope?.Spec;
        }
        catch (JsonException e)
        {
            var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : e.Path ?? "";
            Findings.Add(new LintFinding(document.Label, path, "wrong type or value: " + FirstLine(e.Message)));
            return null;
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
