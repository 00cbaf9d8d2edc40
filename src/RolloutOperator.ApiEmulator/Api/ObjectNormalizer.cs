using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>Decode-time coercion (prune, default) followed by validation, in apiserver order.</summary>
internal static class ObjectNormalizer
{
    public static void Normalize(ResourceType type, JsonObject obj, JsonObject? old)
    {
        MetadataRules.Prune(obj);
        if (type.Schema is not null)
        {
            SchemaPruner.PruneRoot(obj, type.Schema);
            SchemaDefaulter.Apply(obj, type.Schema);
        }
        else
        {
            BuiltInRules.Default(type, obj, old);
        }
    }

    public static void Validate(ResourceType type, JsonObject obj, JsonObject? old, string name)
    {
        var errors = new List<FieldError>();
        MetadataRules.Validate(type, obj, old, errors);
        if (type.Schema is not null)
        {
            errors.AddRange(SchemaValidator.ValidateRoot(obj, type.Schema));
        }

        BuiltInRules.Validate(type, obj, old, errors);
        if (errors.Count > 0)
        {
            throw Errors.Invalid(type, name, errors);
        }
    }
}
