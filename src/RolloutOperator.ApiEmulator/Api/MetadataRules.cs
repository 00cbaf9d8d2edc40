using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Schema;
using RolloutOperator.ApiEmulator.Validation;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>ObjectMeta coercion and validation shared by every kind, with the API server's fields and messages.</summary>
internal static class MetadataRules
{
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    };

    /// <summary>Unknown metadata fields are dropped, as decoding into ObjectMeta does.</summary>
    public static void Prune(JsonObject obj)
    {
        var meta = JsonTree.Metadata(obj);
        foreach (var key in meta.Select(p => p.Key).Where(k => !KnownFields.Contains(k)).ToList())
        {
            meta.Remove(key);
        }
    }

    /// <summary>Names are checked on create only (they are immutable); everything else on every write.</summary>
    public static void Validate(ResourceType type, JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        var meta = JsonTree.Metadata(obj);
        if (old is null && NameRules.For(type) is { } rule)
        {
            ValidateNames(meta, rule, errors);
        }

        ValidateLabels(meta["labels"] as JsonObject, "metadata.labels", errors);
        ValidateAnnotations(meta["annotations"] as JsonObject, "metadata.annotations", errors);
        OwnerReferenceRules.Validate(meta["ownerReferences"] as JsonArray, errors);
        ValidateFinalizers(meta["finalizers"] as JsonArray, errors);
    }

    public static void ValidateLabels(JsonObject? labels, string path, List<FieldError> errors)
    {
        foreach (var (key, value) in labels ?? [])
        {
            errors.AddRange(TextRules.QualifiedName(key).Select(m => FieldError.Invalid(path, key, m)));
            var text = Text(value);
            errors.AddRange(TextRules.LabelValue(text).Select(m => FieldError.Invalid(path, text, m)));
        }
    }

    public static void ValidateAnnotations(JsonObject? annotations, string path, List<FieldError> errors)
    {
        long size = 0;
        foreach (var (key, value) in annotations ?? [])
        {
            // Annotation keys are qualified names in which case does not matter.
            errors.AddRange(TextRules.QualifiedName(key.ToLowerInvariant()).Select(m => FieldError.Invalid(path, key, m)));
            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(Text(value));
        }

        if (size > TotalAnnotationSizeLimit)
        {
            errors.Add(FieldError.TooLong(path, TotalAnnotationSizeLimit));
        }
    }

    private static void ValidateNames(JsonObject meta, Func<string, bool, List<string>> rule, List<FieldError> errors)
    {
        var generateName = JsonTree.Str(meta, "generateName") ?? string.Empty;
        if (generateName.Length > 0)
        {
            errors.AddRange(rule(generateName, true).Select(m => FieldError.Invalid("metadata.generateName", generateName, m)));
        }

        var name = JsonTree.Str(meta, "name") ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
            return;
        }

        errors.AddRange(rule(name, false).Select(m => FieldError.Invalid("metadata.name", name, m)));
    }

    private static void ValidateFinalizers(JsonArray? finalizers, List<FieldError> errors)
    {
        var names = (finalizers ?? []).Select(Text).ToList();
        foreach (var finalizer in names)
        {
            errors.AddRange(TextRules.QualifiedName(finalizer).Select(m => FieldError.Invalid("metadata.finalizers", finalizer, m)));
        }

        if (names.Contains("orphan") && names.Contains("foregroundDeletion"))
        {
            errors.Add(FieldError.Invalid("metadata.finalizers", finalizers!.DeepClone(), "finalizer orphan and foregroundDeletion cannot be both set"));
        }
    }

    private static string Text(JsonNode? value) =>
        value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
}
