using System.ComponentModel;
using System.Reflection;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Api.Schema;

namespace RolloutOperator.CrdGen;

/// <summary>Turns an API type into a structural OpenAPI v3 schema. Every node gets a type (or an int-or-string/preserve marker).</summary>
internal sealed class SchemaGenerator
{
    // Types being expanded right now: a CRD schema cannot refer to itself, so a cycle is a modelling error.
    private readonly Stack<Type> _expanding = new();

    public JsonObject ForType(Type type)
    {
        type = ClrTypes.Unwrap(type);
        if (type == typeof(IntOrString))
        {
            return new JsonObject { [SchemaKeys.IntOrString] = true };
        }

        if (type == typeof(JsonObject))
        {
            throw new NotSupportedException("A JsonObject property needs [PreserveUnknownFields].");
        }

        return Scalar(type) ?? Composite(type);
    }

    public JsonObject ForProperty(PropertyInfo property)
    {
        var type = ClrTypes.Unwrap(property.PropertyType);
        JsonObject schema;
        if (property.IsDefined(typeof(IntOrStringAttribute)))
        {
            schema = ForType(typeof(IntOrString));
        }
        else if (property.IsDefined(typeof(PreserveUnknownFieldsAttribute)))
        {
            schema = new JsonObject { [SchemaKeys.Type] = "object", [SchemaKeys.PreserveUnknownFields] = true };
        }
        else
        {
            schema = ForType(type);
        }

        // The property's own description is more specific than its type's.
        if (property.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema[SchemaKeys.Description] = description.Description;
        }

        PropertyConstraints.Apply(schema, property);
        return SchemaKeys.Ordered(schema);
    }

    private static JsonObject? Scalar(Type type)
    {
        if (type == typeof(string))
        {
            return new JsonObject { [SchemaKeys.Type] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { [SchemaKeys.Type] = "boolean" };
        }

        if (ClrTypes.IsInteger(type))
        {
            return new JsonObject { [SchemaKeys.Type] = "integer", [SchemaKeys.Format] = type == typeof(int) ? "int32" : "int64" };
        }

        if (ClrTypes.IsNumber(type))
        {
            return new JsonObject { [SchemaKeys.Type] = "number" };
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            // The property's [SchemaFormat] adds date-time; the wire form is always a string.
            return new JsonObject { [SchemaKeys.Type] = "string" };
        }

        if (type.IsEnum)
        {
            var values = new JsonArray(JsonNames.EnumValues(type).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            return new JsonObject { [SchemaKeys.Type] = "string", [SchemaKeys.Enum] = values };
        }

        return null;
    }

    private JsonObject Composite(Type type)
    {
        if (ClrTypes.StringMapValue(type) is { } valueType)
        {
            return new JsonObject { [SchemaKeys.Type] = "object", [SchemaKeys.AdditionalProperties] = ForType(valueType) };
        }

        if (ClrTypes.ListElement(type) is { } element)
        {
            return new JsonObject { [SchemaKeys.Type] = "array", [SchemaKeys.Items] = ForType(element) };
        }

        // Our own classes become objects; an unmapped framework type is a gap in this generator, not an object.
        if (type.IsClass && !type.IsAbstract && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == false)
        {
            return ForObject(type);
        }

        throw new NotSupportedException($"No schema mapping for {type.FullName}.");
    }

    private JsonObject ForObject(Type type)
    {
        if (_expanding.Contains(type))
        {
            throw new InvalidOperationException($"{type.Name} refers to itself; structural schemas cannot express recursion.");
        }

        _expanding.Push(type);
        try
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            foreach (var property in JsonNames.SerializedProperties(type))
            {
                var name = JsonNames.Property(property);
                properties[name] = ForProperty(property);
                if (property.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute)))
                {
                    required.Add(name);
                }
            }

            var schema = new JsonObject { [SchemaKeys.Type] = "object", [SchemaKeys.Properties] = properties };
            if (type.GetCustomAttribute<DescriptionAttribute>() is { } description)
            {
                schema[SchemaKeys.Description] = description.Description;
            }

            if (required.Count > 0)
            {
                schema[SchemaKeys.Required] = required;
            }

            CelRules.Add(schema, type.GetCustomAttributes<CelRuleAttribute>(inherit: true));
            return SchemaKeys.Ordered(schema);
        }
        finally
        {
            _expanding.Pop();
        }
    }
}
