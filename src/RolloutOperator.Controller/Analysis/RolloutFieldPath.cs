using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Reads an argument's <c>fieldRef</c> from the Rollout: metadata.name, metadata.namespace, metadata.uid,
/// metadata.labels['k'], metadata.annotations['k'], and scalar paths under spec (e.g. spec.strategy.canary.canaryService,
/// spec.template.spec.containers[0].image).
/// </summary>
internal static partial class RolloutFieldPath
{
    public static bool TryRead(Rollout rollout, string path, out string value, out string error)
    {
        value = "";
        error = "";
        var metadata = rollout.Metadata;
        var found = path switch
        {
            "metadata.name" => metadata.Name,
            "metadata.namespace" => metadata.NamespaceProperty,
            "metadata.uid" => metadata.Uid,
            _ when MapEntry().Match(path) is { Success: true } m => Lookup(m.Groups[1].Value == "labels" ? metadata.Labels : metadata.Annotations, Key(m)),
            _ when path.StartsWith("spec.", StringComparison.Ordinal) => Spec(rollout.Spec, path, out error),
            _ => Unsupported(path, out error),
        };
        if (found is null)
        {
            error = error.Length > 0 ? error : $"field {path} is not set on the rollout";
            return false;
        }

        value = found;
        return true;
    }

    private static string? Spec(RolloutSpec spec, string path, out string error)
    {
        error = "";
        JsonNode? node = JsonSerializer.SerializeToNode(spec, ApiJson.Options);
        var rest = path["spec".Length..];
        var position = 0;
        foreach (Match segment in Segment().Matches(rest))
        {
            if (segment.Index != position)
            {
                return Unsupported(path, out error);
            }

            position += segment.Length;
            node = Step(node, segment);
        }

        if (position != rest.Length)
        {
            return Unsupported(path, out error);
        }

        if (node is JsonValue scalar)
        {
            return scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        }

        error = node is null ? "" : $"field {path} is an object or list, not a single value";
        return null;
    }

    private static JsonNode? Step(JsonNode? node, Match segment)
    {
        if (segment.Groups["index"].Success)
        {
            var index = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture);
            return node is JsonArray array && index < array.Count ? array[index] : null;
        }

        var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : Key(segment);
        return node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) ? child : null;
    }

    private static string? Lookup(IDictionary<string, string>? map, string key) => map is not null && map.TryGetValue(key, out var v) ? v : null;

    private static string Key(Match match) => match.Groups["sq"].Success ? match.Groups["sq"].Value : match.Groups["dq"].Value;

    private static string? Unsupported(string path, out string error)
    {
        error = $"fieldPath {path} is not supported: use metadata.name, metadata.namespace, metadata.uid, metadata.labels['key'], metadata.annotations['key'] or a spec.* path";
        return null;
    }

    [GeneratedRegex("""^metadata\.(labels|annotations)\[(?:'(?<sq>[^']*)'|"(?<dq>[^"]*)")\]$""", RegexOptions.CultureInvariant)]
    private static partial Regex MapEntry();

    [GeneratedRegex("""\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>[0-9]{1,6})\]|\['(?<sq>[^']*)'\]|\["(?<dq>[^"]*)"\]""", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
