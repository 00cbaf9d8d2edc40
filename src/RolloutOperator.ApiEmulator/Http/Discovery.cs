using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Http;

/// <summary>Legacy discovery documents: /version, /api, /api/v1, /apis, /apis/{g}, /apis/{g}/{v}.</summary>
internal static class Discovery
{
    private static readonly string[] AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject? Respond(ResourceRegistry registry, string path, string host)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var types = registry.Snapshot();
        return segments switch
        {
            ["version"] => Version(),
            ["healthz"] or ["readyz"] or ["livez"] => null,
            ["api"] => new JsonObject
            {
                ["kind"] = "APIVersions",
                ["versions"] = new JsonArray("v1"),
                ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = host }),
            },
            ["api", "v1"] => ResourceList(types, string.Empty, "v1"),
            ["apis"] => GroupList(types),
            ["apis", var g] => types.Any(t => t.Group == g) ? Group(types, g) : throw Errors.UnknownResource(),
            ["apis", var g, var v] => types.Any(t => t.Group == g && t.Version == v) ? ResourceList(types, g, v) : throw Errors.UnknownResource(),
            _ => throw Errors.UnknownResource(),
        };
    }

    private static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "33",
        ["gitVersion"] = "v1.33.0-rollout-emulator",
        ["gitCommit"] = "emulator",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.24",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    private static JsonObject GroupList(IReadOnlyList<ResourceType> types) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(types.Where(t => t.Group.Length > 0).Select(t => t.Group).Distinct().Select(g => (JsonNode)Group(types, g)).ToArray()),
    };

    private static JsonObject Group(IReadOnlyList<ResourceType> types, string group)
    {
        var versions = types.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();
        JsonObject Entry(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)Entry(v)).ToArray()),
            ["preferredVersion"] = Entry(versions[0]),
        };
    }

    private static JsonObject ResourceList(IReadOnlyList<ResourceType> types, string group, string version)
    {
        var resources = new JsonArray();
        foreach (var type in types.Where(t => t.Group == group && t.Version == version))
        {
            resources.Add(Resource(type));
            if (type.HasStatus)
            {
                resources.Add(Subresource(type, "status", type.Kind, null));
            }

            if (type.Scale is not null)
            {
                resources.Add(Subresource(type, "scale", "Scale", "autoscaling"));
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject Resource(ResourceType type)
    {
        var resource = new JsonObject
        {
            ["name"] = type.Plural,
            ["singularName"] = type.Singular,
            ["namespaced"] = type.Namespaced,
            ["kind"] = type.Kind,
            ["verbs"] = new JsonArray(AllVerbs.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        };
        if (type.ShortNames.Count > 0)
        {
            resource["shortNames"] = new JsonArray(type.ShortNames.Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        }

        if (type.Categories.Count > 0)
        {
            resource["categories"] = new JsonArray(type.Categories.Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        }

        return resource;
    }

    private static JsonObject Subresource(ResourceType type, string name, string kind, string? group)
    {
        var resource = new JsonObject
        {
            ["name"] = $"{type.Plural}/{name}",
            ["singularName"] = string.Empty,
            ["namespaced"] = type.Namespaced,
            ["kind"] = kind,
            ["verbs"] = new JsonArray("get", "patch", "update"),
        };
        if (group is not null)
        {
            resource["group"] = group;
            resource["version"] = "v1";
        }

        return resource;
    }
}
