using System.Text.Json.Nodes;

namespace RolloutOperator.CrdGen;

/// <summary>Schema keywords and the fixed order they are written in, so the output never depends on how a node was built.</summary>
internal static class SchemaKeys
{
    public const string Description = "description";
    public const string Type = "type";
    public const string Format = "format";
    public const string Enum = "enum";
    public const string Default = "default";
    public const string Minimum = "minimum";
    public const string Maximum = "maximum";
    public const string MinLength = "minLength";
    public const string MaxLength = "maxLength";
    public const string Pattern = "pattern";
    public const string MinItems = "minItems";
    public const string MaxItems = "maxItems";
    public const string MinProperties = "minProperties";
    public const string MaxProperties = "maxProperties";
    public const string Items = "items";
    public const string AdditionalProperties = "additionalProperties";
    public const string Properties = "properties";
    public const string Required = "required";
    public const string IntOrString = "x-kubernetes-int-or-string";
    public const string PreserveUnknownFields = "x-kubernetes-preserve-unknown-fields";
    public const string ListType = "x-kubernetes-list-type";
    public const string ListMapKeys = "x-kubernetes-list-map-keys";
    public const string Validations = "x-kubernetes-validations";

    private static readonly string[] Order =
    [
        Description, Type, Format, Enum, Default, Minimum, Maximum, MinLength, MaxLength, Pattern,
        MinItems, MaxItems, MinProperties, MaxProperties, Items, AdditionalProperties, Properties, Required,
        IntOrString, PreserveUnknownFields, ListType, ListMapKeys, Validations,
    ];

    /// <summary>A copy of <paramref name="schema"/> with its keywords in the canonical order (unknown keywords last).</summary>
    public static JsonObject Ordered(JsonObject schema)
    {
        var entries = schema
            .Select((entry, index) => (entry.Key, Rank: Rank(entry.Key), index))
            .OrderBy(e => e.Rank)
            .ThenBy(e => e.index)
            .Select(e => e.Key)
            .ToList();
        var ordered = new JsonObject();
        foreach (var key in entries)
        {
            var value = schema[key];
            schema.Remove(key);
            ordered[key] = value;
        }

        return ordered;
    }

    private static int Rank(string key)
    {
        var index = Array.IndexOf(Order, key);
        return index < 0 ? Order.Length : index;
    }
}
