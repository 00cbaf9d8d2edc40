using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;
using RolloutOperator.ApiEmulator.Validation;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>
/// events.k8s.io/v1 Event validation as the server runs it on its internal Event type, so causes name the internal
/// fields: <c>note</c> is reported as <c>message</c>, <c>regarding</c> as <c>involvedObject</c>, the deprecated fields
/// without their prefix.
/// </summary>
internal static class EventRules
{
    public const int ReportingInstanceLimit = 128;
    public const int ActionLimit = 128;
    public const int ReasonLimit = 128;
    public const int NoteLimit = 1024;

    private static readonly (string Field, string Internal)[] Immutable =
    [
        ("regarding", "involvedObject"), ("reason", "reason"), ("note", "message"), ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"), ("deprecatedLastTimestamp", "lastTimestamp"), ("deprecatedCount", "count"),
        ("type", "type"), ("eventTime", "eventTime"), ("action", "action"), ("related", "related"),
        ("reportingController", "reportingController"), ("reportingInstance", "reportingInstance"),
    ];

    public static void Validate(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        CheckMicroTime(obj, ["eventTime"], errors);
        CheckMicroTime(obj, ["series", "lastObservedTime"], errors);
        EventLegacyRules.Validate(obj, errors);
        if (old is null)
        {
            ValidateCreate(obj, errors);
            return;
        }

        if (!JsonTree.Equal(obj["series"], old["series"]))
        {
            ValidateSeries(obj, errors);
        }

        foreach (var (field, internalName) in Immutable)
        {
            if (!JsonTree.Equal(obj[field], old[field]))
            {
                errors.Add(FieldError.Invalid(internalName, obj[field]?.DeepClone(), "field is immutable"));
            }
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

    private static void ValidateCreate(JsonObject obj, List<FieldError> errors)
    {
        ValidateSeries(obj, errors);
        if (obj["eventTime"] is null)
        {
            errors.Add(FieldError.Required("eventTime"));
        }

        var type = JsonTree.Str(obj, "type") ?? string.Empty;
        if (type is not ("Normal" or "Warning"))
        {
            errors.Add(FieldError.Invalid("type", string.Empty, $"has invalid value: {type}"));
        }

        foreach (var (field, internalName) in new[] { ("deprecatedFirstTimestamp", "firstTimestamp"), ("deprecatedLastTimestamp", "lastTimestamp") })
        {
            if (obj[field] is not null)
            {
                errors.Add(FieldError.Invalid(internalName, string.Empty, "needs to be unset"));
            }
        }

        if (JsonTree.Long(obj["deprecatedCount"]) is { } count && count != 0)
        {
            errors.Add(FieldError.Invalid("count", string.Empty, "needs to be unset"));
        }

        if (!string.IsNullOrEmpty(JsonTree.Str(obj["deprecatedSource"], "component")) || !string.IsNullOrEmpty(JsonTree.Str(obj["deprecatedSource"], "host")))
        {
            errors.Add(FieldError.Invalid("source", string.Empty, "needs to be unset"));
        }
    }

    private static void ValidateSeries(JsonObject obj, List<FieldError> errors)
    {
        if (obj["series"] is not JsonObject series)
        {
            return;
        }

        if ((JsonTree.Long(series["count"]) ?? 0) < 2)
        {
            errors.Add(FieldError.Invalid("series.count", string.Empty, "should be at least 2"));
        }

        if (series["lastObservedTime"] is null)
        {
            errors.Add(FieldError.Required("series.lastObservedTime"));
        }
    }

    /// <summary>Length limits count bytes.</summary>
    public static int Bytes(string? value) => Encoding.UTF8.GetByteCount(value ?? string.Empty);

    public static List<string> QualifiedName(string value) => TextRules.QualifiedName(value);
}
