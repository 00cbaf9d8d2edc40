using System.Reflection;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.CrdGen.Tests.Support;

/// <summary>Builds an instance of an API type with every property set, so its JSON shows every field the serializer can write.</summary>
internal static class SampleObjects
{
    private const int MaxDepth = 24;

    public static T Create<T>() => (T)Create(typeof(T), 0)!;

    private static object? Create(Type type, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"Sample of {type.Name} nests too deep; is the type recursive?");
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return Scalar(type) ?? Composite(type, depth + 1);
    }

    private static object? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => 1,
        _ when type == typeof(long) => 1L,
        _ when type == typeof(double) => 0.5,
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        _ when type == typeof(IntOrString) => new IntOrString("25%"),
        _ when type == typeof(JsonObject) => new JsonObject { ["anything"] = new JsonObject { ["kept"] = true } },
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
        _ => null,
    };

    private static object Composite(Type type, int depth)
    {
        var instance = Activator.CreateInstance(type)!;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            type.GetMethod("Add")!.Invoke(instance, ["key", Create(type.GetGenericArguments()[1], depth)]);
            return instance;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            type.GetMethod("Add")!.Invoke(instance, [Create(type.GetGenericArguments()[0], depth)]);
            return instance;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            property.SetValue(instance, AtLeastRangeMinimum(property, Create(property.PropertyType, depth)));
        }

        return instance;
    }

    // An integer below its [Range] minimum would not fit the schema it is meant to exercise.
    private static object? AtLeastRangeMinimum(PropertyInfo property, object? value) =>
        value is int number && property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>()?.Minimum is int minimum && number < minimum
            ? minimum
            : value;
}
