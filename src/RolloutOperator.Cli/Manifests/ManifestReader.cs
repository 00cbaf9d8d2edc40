using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Model.Yaml;
using YamlDotNet.Core;

namespace RolloutOperator.Cli.Manifests;

/// <summary>Reads -f FILE (or - for stdin) as multi-document YAML; JSON is YAML, so JSON manifests work too.</summary>
internal static class ManifestReader
{
    public static async Task<IReadOnlyList<ManifestDocument>> ReadAsync(string file, TextReader stdin, CancellationToken cancellationToken)
    {
        var (source, text) = await LoadAsync(file, stdin, cancellationToken).ConfigureAwait(false);
        return Parse(source, text);
    }

    /// <summary>Text already in memory (the dashboard's plan page); <paramref name="source"/> labels the findings.</summary>
    public static IReadOnlyList<ManifestDocument> Parse(string source, string text)
    {
        IReadOnlyList<ConvertedDocument> nodes;
        try
        {
            nodes = YamlToJson.Documents(text);
        }
        catch (YamlException e)
        {
            throw new CliException($"{source}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var documents = new List<ManifestDocument>();
        for (var i = 0; i < nodes.Count; i++)
        {
            switch (nodes[i])
            {
                case { Refusal: { } refusal }:
                    documents.Add(new ManifestDocument(source, i, Identity(nodes[i].Node), refusal));
                    break;
                case { Node: null }:
                    continue;
                case { Node: JsonObject node }:
                    documents.Add(new ManifestDocument(source, i, node));
                    break;
                default:
                    throw new CliException($"{source}#{i + 1}: a manifest must be a mapping");
            }
        }

        return documents;
    }

    // Only kind and name of a refused document, to label its finding; the rest may be incomplete or huge.
    private static JsonObject Identity(JsonNode? partial) => new()
    {
        ["kind"] = partial is JsonObject { } root && root["kind"] is JsonValue kind ? kind.DeepClone() : null,
        ["metadata"] = new JsonObject
        {
            ["name"] = partial is JsonObject { } top && top["metadata"] is JsonObject metadata && metadata["name"] is JsonValue name ? name.DeepClone() : null,
        },
    };

    private static async Task<(string Source, string Text)> LoadAsync(string file, TextReader stdin, CancellationToken cancellationToken)
    {
        if (file == "-")
        {
            return ("<stdin>", await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }

        try
        {
            return (Path.GetFileName(file), await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file}: {e.Message}", e);
        }
    }
}
