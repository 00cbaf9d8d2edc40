using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.CrdGen;

/// <summary>The CustomResourceDefinition around a kind's schema: names, scope, version, subresources, printer columns.</summary>
internal static class CrdDocumentBuilder
{
    public static JsonObject Build(CustomResourceInfo info) => new()
    {
        ["apiVersion"] = "apiextensions.k8s.io/v1",
        ["kind"] = "CustomResourceDefinition",
        ["metadata"] = new JsonObject { ["name"] = $"{info.Plural}.{ApiGroup.Name}" },
        ["spec"] = new JsonObject
        {
            ["group"] = ApiGroup.Name,
            ["names"] = Names(info),
            ["scope"] = info.Namespaced ? "Namespaced" : "Cluster",
            ["versions"] = new JsonArray(Version(info)),
        },
    };

    private static JsonObject Names(CustomResourceInfo info) => new()
    {
        ["kind"] = info.Kind,
        ["listKind"] = info.Kind + "List",
        ["plural"] = info.Plural,
        ["singular"] = info.Singular,
        ["shortNames"] = Strings(info.ShortNames),
        ["categories"] = Strings(CustomResourceInfo.Categories),
    };

    private static JsonObject Version(CustomResourceInfo info)
    {
        var version = new JsonObject
        {
            ["name"] = ApiGroup.Version,
            ["served"] = true,
            ["storage"] = true,
        };
        if (Subresources(info) is { } subresources)
        {
            version["subresources"] = subresources;
        }

        if (info.PrinterColumns.Count > 0)
        {
            version["additionalPrinterColumns"] = new JsonArray(info.PrinterColumns.Select(Column).ToArray());
        }

        version["schema"] = new JsonObject { ["openAPIV3Schema"] = RootSchema(info) };
        return version;
    }

    private static JsonObject? Subresources(CustomResourceInfo info)
    {
        var subresources = new JsonObject();
        if (info.StatusType is not null)
        {
            subresources["status"] = new JsonObject();
        }

        if (info.Scale is { } scale)
        {
            subresources["scale"] = new JsonObject
            {
                ["specReplicasPath"] = scale.SpecReplicasPath,
                ["statusReplicasPath"] = scale.StatusReplicasPath,
                ["labelSelectorPath"] = scale.LabelSelectorPath,
            };
        }

        return subresources.Count > 0 ? subresources : null;
    }

    private static JsonNode Column(PrinterColumn column)
    {
        var node = new JsonObject
        {
            ["name"] = column.Name,
            ["type"] = column.Type,
            ["jsonPath"] = column.JsonPath,
            ["description"] = column.Description,
        };
        if (column.Priority != 0)
        {
            node["priority"] = column.Priority;
        }

        return node;
    }

    private static JsonObject RootSchema(CustomResourceInfo info)
    {
        var generator = new SchemaGenerator();
        var properties = new JsonObject
        {
            ["apiVersion"] = Described("string", "APIVersion defines the versioned schema of this representation of an object."),
            ["kind"] = Described("string", "Kind is a string value representing the REST resource this object represents."),

            // Structural schemas allow nothing but the type under metadata; the API server owns its shape.
            ["metadata"] = new JsonObject { [SchemaKeys.Type] = "object" },
            ["spec"] = generator.ForType(info.SpecType),
        };
        if (info.StatusType is not null)
        {
            properties["status"] = generator.ForType(info.StatusType);
        }

        return new JsonObject
        {
            [SchemaKeys.Description] = info.Description,
            [SchemaKeys.Type] = "object",
            [SchemaKeys.Properties] = properties,
            [SchemaKeys.Required] = Strings(["spec"]),
        };
    }

    private static JsonObject Described(string type, string description) =>
        new() { [SchemaKeys.Description] = description, [SchemaKeys.Type] = type };

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
