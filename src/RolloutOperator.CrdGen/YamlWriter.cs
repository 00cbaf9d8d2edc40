using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RolloutOperator.CrdGen;

/// <summary>
/// Writes a JSON tree as block YAML with a fixed layout (2-space indent, indented sequences, no line folding, LF),
/// so the same input always gives the same bytes.
/// </summary>
internal static partial class YamlWriter
{
    public static string Write(JsonNode node, string? headerComment = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        if (headerComment is not null)
        {
            text.Write($"# {headerComment}\n");
        }

        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n");
        var emitter = new Emitter(text, settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var (key, value) in map)
                {
                    EmitString(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in list)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                EmitString(emitter, value.GetValue<string>());
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    private static void EmitString(IEmitter emitter, string value)
    {
        // A plain scalar that a YAML 1.1 or 1.2 reader would take for a bool, null or number must be quoted.
        var style = LooksTyped(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));
    }

    private static bool LooksTyped(string value) => value.Length == 0 || TypedScalar().IsMatch(value);

    [GeneratedRegex(@"^(~|null|true|false|yes|no|on|off|y|n|=|<<|[-+]?\.?[0-9].*|[-+]?\.(inf|nan))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypedScalar();
}
