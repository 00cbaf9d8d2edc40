using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>ObjectMeta coercion and validation shared by every kind.</summary>
internal static partial class MetadataRules
{
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

    public static void Validate(ResourceType type, JsonObject obj, List<FieldError> errors)
    {
        var meta = JsonTree.Metadata(obj);
        var name = JsonTree.Str(meta, "name") ?? string.Empty;
        var dnsLabel = type.Is(string.Empty, "namespaces") || type.Is(string.Empty, "services");
        var valid = dnsLabel ? name.Length <= 63 && DnsLabel().IsMatch(name) : name.Length <= 253 && DnsSubdomain().IsMatch(name);
        if (!valid)
        {
            var rule = dnsLabel ? "a lowercase RFC 1123 label" : "a lowercase RFC 1123 subdomain";
            errors.Add(FieldError.Invalid("metadata.name", name, $"must be {rule} (lowercase alphanumerics, '-' or '.', starting and ending with an alphanumeric)"));
        }

        ValidateLabels(meta["labels"] as JsonObject, errors);
        ValidateOwnerReferences(meta["ownerReferences"] as JsonArray, errors);
    }

    private static void ValidateLabels(JsonObject? labels, List<FieldError> errors)
    {
        foreach (var (key, value) in labels ?? [])
        {
            var slash = key.LastIndexOf('/');
            var prefix = slash >= 0 ? key[..slash] : null;
            var name = slash >= 0 ? key[(slash + 1)..] : key;
            if ((prefix is not null && !DnsSubdomain().IsMatch(prefix)) || name.Length > 63 || !LabelValue().IsMatch(name) || name.Length == 0)
            {
                errors.Add(FieldError.Invalid("metadata.labels", key, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
            }

            var text = value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
            if (text is null || text.Length > 63 || (text.Length > 0 && !LabelValue().IsMatch(text)))
            {
                errors.Add(FieldError.Invalid("metadata.labels", text, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"));
            }
        }
    }

    private static void ValidateOwnerReferences(JsonArray? references, List<FieldError> errors)
    {
        var controllers = 0;
        var index = 0;
        foreach (var reference in JsonTree.Objects(references))
        {
            foreach (var field in new[] { "apiVersion", "kind", "name", "uid" })
            {
                if (string.IsNullOrEmpty(JsonTree.Str(reference, field)))
                {
                    errors.Add(FieldError.Required($"metadata.ownerReferences[{index}].{field}"));
                }
            }

            controllers += JsonTree.Bool(reference["controller"]) == true ? 1 : 0;
            index++;
        }

        if (controllers > 1)
        {
            errors.Add(FieldError.Invalid("metadata.ownerReferences", (JsonNode?)null, "Only one reference can have Controller set to true"));
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\z")]
    private static partial Regex LabelValue();
}
