using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>metadata.ownerReferences: apiVersion (with a version), kind, name and uid set; at most one controller; no core Event owners.</summary>
internal static class OwnerReferenceRules
{
    private const string Path = "metadata.ownerReferences";

    public static void Validate(JsonArray? references, List<FieldError> errors)
    {
        string? firstController = null;
        foreach (var reference in JsonTree.Objects(references))
        {
            ValidateOne(reference, errors);
            if (JsonTree.Bool(reference["controller"]) != true)
            {
                continue;
            }

            var current = $"{JsonTree.Str(reference, "kind")}/{JsonTree.Str(reference, "name")}";
            if (firstController is null)
            {
                firstController = current;
            }
            else
            {
                errors.Add(FieldError.Invalid(Path, references!.DeepClone(),
                    $"Only one reference can have Controller set to true. Found \"true\" in references for {firstController} and {current}"));
            }
        }
    }

    private static void ValidateOne(JsonObject reference, List<FieldError> errors)
    {
        var apiVersion = JsonTree.Str(reference, "apiVersion") ?? string.Empty;
        var kind = JsonTree.Str(reference, "kind") ?? string.Empty;
        // "v1" is the core group; "apps/" names a group without a version.
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        if (version.Length == 0)
        {
            errors.Add(FieldError.Invalid($"{Path}.apiVersion", apiVersion, "version must not be empty"));
        }

        foreach (var field in new[] { "kind", "name", "uid" })
        {
            var value = JsonTree.Str(reference, field) ?? string.Empty;
            if (value.Length == 0)
            {
                errors.Add(FieldError.Invalid($"{Path}.{field}", value, "must not be empty"));
            }
        }

        if (apiVersion == "v1" && kind == "Event")
        {
            errors.Add(FieldError.Invalid(Path, reference.DeepClone(), "/v1, Kind=Event is disallowed from being an owner"));
        }
    }
}
