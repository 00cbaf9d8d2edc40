using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RolloutOperator.CrdGen;

/// <summary>Wire names exactly as ApiJson.Options writes them, so the schema and the serializer cannot disagree.</summary>
internal static class JsonNames
{
    public static string Property(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static IReadOnlyList<string> EnumValues(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => f.MetadataToken)
            .Select(WireName)
            .ToList();

    public static string EnumValue(Enum value) => WireName(value.GetType().GetField(value.ToString())!);

    /// <summary>Public instance properties the serializer writes, base class first, each level in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> SerializedProperties(Type type)
    {
        var levels = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            levels.Insert(0, t);
        }

        return levels
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).OrderBy(p => p.MetadataToken))
            .Where(IsSerialized)
            .ToList();
    }

    private static string WireName(FieldInfo field) =>
        field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;

    private static bool IsSerialized(PropertyInfo property) =>
        property.GetMethod is { IsPublic: true }
        && property.GetIndexParameters().Length == 0
        && property.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition != JsonIgnoreCondition.Always;
}
