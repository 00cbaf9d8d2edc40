using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core.Events;

namespace RolloutOperator.Model.Yaml;

/// <summary>
/// An untagged plain scalar that is an int, float, bool or null in the YAML 1.2 core schema becomes that JSON type;
/// quoted and block scalars stay strings — the way the API server reads YAML.
/// </summary>
internal static partial class YamlScalars
{
    public static JsonValue? Convert(Scalar scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when Int().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            // Beyond double range (1e400) there is no JSON number to make; it stays text and fails type checks as such.
            _ when Float().IsMatch(text) && double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var real && double.IsFinite(real) => JsonValue.Create(real),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Int();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
