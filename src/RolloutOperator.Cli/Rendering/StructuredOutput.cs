using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using Spectre.Console;
using YamlDotNet.Serialization;

namespace RolloutOperator.Cli.Rendering;

/// <summary>-o json|yaml. Written raw to the console's writer so Spectre never wraps or interprets it.</summary>
internal static class StructuredOutput
{
    private static readonly JsonSerializerOptions Indented = new(ApiJson.Options) { WriteIndented = true };

    public static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--output", "-o") { Description = "Output format: json or yaml (default: human-readable)" };
        option.AcceptOnlyFromAmong("json", "yaml");
        return option;
    }

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Indented) ?? new JsonObject();

    public static void Write(IAnsiConsole console, JsonNode node, string format)
    {
        var text = format == "yaml"
            ? new SerializerBuilder().WithQuotingNecessaryStrings().Build().Serialize(Plain(node))
            : node.ToJsonString(Indented) + "\n";
        console.Profile.Out.Writer.Write(text);
        console.Profile.Out.Writer.Flush();
    }

    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>(),
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
