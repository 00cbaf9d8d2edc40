using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api.Schema;

namespace RolloutOperator.CrdGen;

/// <summary>Applies a property's validation attributes to its schema, refusing combinations the API server would reject.</summary>
internal static class PropertyConstraints
{
    public static void Apply(JsonObject schema, PropertyInfo property)
    {
        var type = (string?)schema[SchemaKeys.Type];
        var where = $"{property.DeclaringType?.Name}.{property.Name}";

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { } defaultValue)
        {
            schema[SchemaKeys.Default] = DefaultValues.Convert(schema, defaultValue.Value, where);
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            Require(type is "integer" or "number", where, "[Range]");
            schema[SchemaKeys.Minimum] = Numbers.ToNode(range.Minimum);
            schema[SchemaKeys.Maximum] = Numbers.ToNode(range.Maximum);
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } max)
        {
            schema[SizeKey(schema, type, where, SchemaKeys.MaxLength, SchemaKeys.MaxItems, SchemaKeys.MaxProperties)] = max.Length;
        }

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } min)
        {
            schema[SizeKey(schema, type, where, SchemaKeys.MinLength, SchemaKeys.MinItems, SchemaKeys.MinProperties)] = min.Length;
        }

        if (property.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            Require(type == "string", where, "[Pattern]");
            schema[SchemaKeys.Pattern] = pattern.Pattern;
        }

        if (property.GetCustomAttribute<SchemaFormatAttribute>() is { } format)
        {
            schema[SchemaKeys.Format] = format.Format;
        }

        ApplyListType(schema, property, type, where);
        CelRules.Add(schema, property.GetCustomAttributes<CelRuleAttribute>());
    }

    private static void ApplyListType(JsonObject schema, PropertyInfo property, string? type, string where)
    {
        var mapKeys = property.GetCustomAttribute<ListMapKeysAttribute>();
        var atomic = property.IsDefined(typeof(AtomicListAttribute));
        if (mapKeys is null && !atomic)
        {
            return;
        }

        Require(type == "array" && !(mapKeys is not null && atomic), where, "[ListMapKeys]/[AtomicList]");
        if (atomic)
        {
            schema[SchemaKeys.ListType] = "atomic";
            return;
        }

        // The API server insists that map keys are required (or defaulted) scalars of the item object.
        var items = schema[SchemaKeys.Items]!.AsObject();
        var required = (items[SchemaKeys.Required] as JsonArray)?.Select(n => (string?)n).ToHashSet() ?? [];
        foreach (var key in mapKeys!.Keys)
        {
            Require(required.Contains(key), where, $"list-map key '{key}' (it must be [Required] in the item type)");
        }

        schema[SchemaKeys.ListType] = "map";
        schema[SchemaKeys.ListMapKeys] = new JsonArray(mapKeys.Keys.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray());
    }

    private static string SizeKey(JsonObject schema, string? type, string where, string forString, string forArray, string forMap) => type switch
    {
        "string" => forString,
        "array" => forArray,
        "object" when schema[SchemaKeys.AdditionalProperties] is not null => forMap,
        _ => throw Invalid(where, "[MaxLength]/[MinLength]"),
    };

    private static void Require(bool condition, string where, string what)
    {
        if (!condition)
        {
            throw Invalid(where, what);
        }
    }

    private static InvalidOperationException Invalid(string where, string what) =>
        new($"{where}: {what} does not fit the property's schema type.");
}
