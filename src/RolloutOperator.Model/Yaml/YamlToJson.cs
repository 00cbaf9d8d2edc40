using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RolloutOperator.Model.Yaml;

/// <summary>
/// Converts YAML to JSON the way the API server reads it (see <see cref="YamlScalars"/>), streaming parser events so that
/// hostile input is bounded: aliases are counted as the nodes they repeat, nesting is capped (see <see cref="YamlLimits"/>),
/// and duplicate keys are refused (unless the caller keeps the last value, as the API server does by default). The first
/// document that breaks a bound becomes a refusal and ends the input.
/// </summary>
public static class YamlToJson
{
    /// <summary>Every document as JSON (null for an empty one), for readers that take an input whole or not at all.</summary>
    /// <exception cref="YamlException">The YAML is malformed, or a document broke a bound (the message says which).</exception>
    public static IReadOnlyList<JsonNode?> Nodes(string yaml, DuplicateKeys duplicates = DuplicateKeys.Refuse) =>
        [.. Documents(yaml, duplicates).Select(d => d.Refusal is null ? d.Node : throw new YamlException(d.Refusal))];

    public static IReadOnlyList<ConvertedDocument> Documents(string yaml, DuplicateKeys duplicates = DuplicateKeys.Refuse)
    {
        var parser = new Parser(new StringReader(yaml));
        var budget = new NodeBudget();
        var documents = new List<ConvertedDocument>();
        var builder = new YamlDocumentBuilder(budget, duplicates);
        while (Next(parser))
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    builder = new YamlDocumentBuilder(budget, duplicates);
                    break;
                case DocumentEnd:
                    documents.Add(new ConvertedDocument(builder.Root));
                    break;
                case { } e when TryAdd(builder, e) is { } refusal:
                    // Stop reading: the parser's own cost grows with what follows a bomb (deep flow nesting is
                    // quadratic in it), and whatever comes next cannot make this input acceptable.
                    documents.Add(new ConvertedDocument(builder.Partial, refusal));
                    return documents;
            }
        }

        return documents;
    }

    // On some malformed input the parser fails with InvalidOperationException, or ArgumentException (a %TAG directive
    // whose prefix is not a URI), instead of a YamlException; it is still malformed YAML, reported with the position reached.
    private static bool Next(Parser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "malformed YAML", e);
        }
    }

    private static string? TryAdd(YamlDocumentBuilder builder, ParsingEvent e)
    {
        try
        {
            builder.Add(e);
            return null;
        }
        catch (YamlRefusedException refused)
        {
            return refused.Message;
        }
    }
}
