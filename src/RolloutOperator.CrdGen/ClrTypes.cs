namespace RolloutOperator.CrdGen;

/// <summary>Classifies CLR types the way the schema needs them: nullable wrappers, lists and string maps.</summary>
internal static class ClrTypes
{
    public static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    public static bool IsInteger(Type type) => type == typeof(int) || type == typeof(long);

    public static bool IsNumber(Type type) => type == typeof(double) || type == typeof(float) || type == typeof(decimal);

    /// <summary>The element type of a list-like type, or null. Strings and dictionaries are not lists.</summary>
    public static Type? ListElement(Type type)
    {
        if (type == typeof(string) || StringMapValue(type) is not null)
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = Array.Find(type.GetInterfaces().Prepend(type).ToArray(), IsGenericEnumerable);
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The value type of a string-keyed dictionary, or null.</summary>
    public static Type? StringMapValue(Type type)
    {
        var map = Array.Find(type.GetInterfaces().Prepend(type).ToArray(), IsGenericDictionary);
        return map is not null && map.GetGenericArguments()[0] == typeof(string) ? map.GetGenericArguments()[1] : null;
    }

    private static bool IsGenericEnumerable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>);

    private static bool IsGenericDictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDictionary<,>);
}
