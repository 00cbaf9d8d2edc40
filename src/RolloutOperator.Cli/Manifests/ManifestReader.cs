using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using YamlDotNet.Core;

namespace RolloutOperator.Cli.Manifests;

/// <summary>Reads -f FILE (or - for stdin) as multi-document YAML; JSON is YAML, so JSON manifests work too.</summary>
internal static class ManifestReader
{
    public static async Task<IReadOnlyList<ManifestDocument>> ReadAsync(string file, TextReader stdin, CancellationToken cancellationToken)
    {
        var (source, text) = await LoadAsync(file, stdin, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<JsonNode?> nodes;
        try
        {
            nodes = YamlToJson.Documents(text);
        }
        catch (YamlException e)
        {
            throw new CliException($"{source}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new CliException($"{source}: {e.Message}", e);
        }

        var documents = new List<ManifestDocument>();
        for (var i = 0; i < nodes.Count; i++)
        {
            switch (nodes[i])
            {
                case null:
                    continue;
                case JsonObject node:
                    documents.Add(new ManifestDocument(source, i, node));
                    break;
                default:
                    throw new CliException($"{source}#{i + 1}: a manifest must be a mapping");
            }
        }

        return documents;
    }

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
