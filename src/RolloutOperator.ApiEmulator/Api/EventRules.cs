using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>events.k8s.io/v1 Event validation, including MicroTime formatting.</summary>
internal static class EventRules
{
    public static void Validate(JsonObject obj, List<FieldError> errors)
    {
        if (obj["eventTime"] is null)
        {
            errors.Add(FieldError.Required("eventTime"));
        }

        CheckMicroTime(obj, ["eventTime"], errors);
        CheckMicroTime(obj, ["series", "lastObservedTime"], errors);
        RequireBounded(obj, "reportingController", 128, errors);
        RequireBounded(obj, "reportingInstance", 128, errors);
        RequireBounded(obj, "action", 128, errors);
        RequireBounded(obj, "reason", 128, errors);
        var type = JsonTree.Str(obj, "type");
        if (type is not ("Normal" or "Warning"))
        {
            errors.Add(FieldError.NotSupported("type", obj["type"], [JsonValue.Create("Normal"), JsonValue.Create("Warning")]));
        }

        if (Encoding.UTF8.GetByteCount(JsonTree.Str(obj, "note") ?? string.Empty) > 1024)
        {
            errors.Add(FieldError.TooLong("note", 1024));
        }
    }

    public static void CheckMicroTime(JsonObject obj, string[] path, List<FieldError> errors)
    {
        var node = JsonTree.Get(obj, path);
        if (node is null)
        {
            return;
        }

        var text = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : string.Empty;
        if (!K8sTime.IsValidMicroTime(text))
        {
            errors.Add(FieldError.Invalid(string.Join('.', path), text, "must be a MicroTime in RFC 3339 format with fractional seconds (2006-01-02T15:04:05.000000Z07:00)"));
        }
    }

    private static void RequireBounded(JsonObject obj, string field, int max, List<FieldError> errors)
    {
        var value = JsonTree.Str(obj, field);
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(FieldError.Required(field));
        }
        else if (value.Length > max)
        {
            errors.Add(FieldError.TooLong(field, max));
        }
    }
}
