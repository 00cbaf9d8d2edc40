using System.Text.Json.Nodes;

namespace RolloutOperator.ApiEmulator.Schema;

/// <summary>One entry of Status.details.causes, shaped like apimachinery's field.Error.</summary>
internal sealed record FieldError(string Reason, string Field, string Detail)
{
    public string Message => $"{Field}: {Detail}";

    public static FieldError Required(string field) => new("FieldValueRequired", field, "Required value");

    public static FieldError Required(string field, string detail) => new("FieldValueRequired", field, $"Required value: {detail}");

    public static FieldError Invalid(string field, JsonNode? value, string detail) =>
        new("FieldValueInvalid", field, $"Invalid value: {Show(value)}: {detail}");

    public static FieldError Invalid(string field, string? value, string detail) =>
        Invalid(field, value is null ? null : JsonValue.Create(value), detail);

    public static FieldError TypeInvalid(string field, JsonNode? value, string detail) =>
        new("FieldValueTypeInvalid", field, $"Invalid value: {Show(value)}: {detail}");

    public static FieldError NotSupported(string field, JsonNode? value, IEnumerable<JsonNode?> allowed) =>
        new("FieldValueNotSupported", field, $"Unsupported value: {Show(value)}: supported values: {string.Join(", ", allowed.Select(Show))}");

    public static FieldError TooLong(string field, long max) =>
        new("FieldValueTooLong", field, $"Too long: may not be more than {max} bytes");

    public static FieldError TooMany(string field, int actual, long max) =>
        new("FieldValueTooMany", field, $"Too many: {actual}: must have at most {max} items");

    public static FieldError Duplicate(string field, JsonNode? value) =>
        new("FieldValueDuplicate", field, $"Duplicate value: {Show(value)}");

    public static FieldError Forbidden(string field, string detail) => new("FieldValueForbidden", field, $"Forbidden: {detail}");

    private static string Show(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonValue v when v.TryGetValue<string>(out var s) => $"\"{s}\"",
        _ => value.ToJsonString(),
    };
}
