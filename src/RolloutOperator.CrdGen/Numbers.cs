using System.Globalization;
using System.Text.Json.Nodes;

namespace RolloutOperator.CrdGen;

/// <summary>Attribute numbers as JSON: integral values stay integers so the YAML reads 600, not 600.0.</summary>
internal static class Numbers
{
    public static JsonNode ToNode(object value) => value switch
    {
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        string s => ToNode(double.Parse(s, CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"Not a number: {value}"),
    };
}
