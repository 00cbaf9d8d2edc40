using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Patching;

/// <summary>One metadata.managedFields entry with its field set decoded.</summary>
internal sealed class ManagedFieldsEntry
{
    public required string Manager { get; init; }

    public required string Operation { get; init; }

    public string Subresource { get; init; } = string.Empty;

    public required string ApiVersion { get; set; }

    public required string Time { get; set; }

    public HashSet<string> Fields { get; init; } = new(StringComparer.Ordinal);

    public bool SameOwner(string manager, string operation, string subresource) =>
        Manager == manager && Operation == operation && Subresource == subresource;

    public static List<ManagedFieldsEntry> ReadAll(JsonObject? obj) =>
        JsonTree.Objects(obj?["metadata"]?["managedFields"]).Select(Read).ToList();

    public static void WriteAll(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var array = new JsonArray(entries.Where(e => e.Fields.Count > 0).Select(e => (JsonNode)e.ToJson()).ToArray());
        var meta = JsonTree.Metadata(obj);
        if (array.Count == 0)
        {
            meta.Remove("managedFields");
        }
        else
        {
            meta["managedFields"] = array;
        }
    }

    private static ManagedFieldsEntry Read(JsonObject json)
    {
        var entry = new ManagedFieldsEntry
        {
            Manager = JsonTree.Str(json, "manager") ?? string.Empty,
            Operation = JsonTree.Str(json, "operation") ?? "Update",
            Subresource = JsonTree.Str(json, "subresource") ?? string.Empty,
            ApiVersion = JsonTree.Str(json, "apiVersion") ?? string.Empty,
            Time = JsonTree.Str(json, "time") ?? string.Empty,
        };
        Decode(json["fieldsV1"] as JsonObject, string.Empty, entry.Fields);
        return entry;
    }

    private JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["manager"] = Manager,
            ["operation"] = Operation,
            ["apiVersion"] = ApiVersion,
            ["time"] = Time,
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = Encode(Fields),
        };
        if (Subresource.Length > 0)
        {
            json["subresource"] = Subresource;
        }

        return json;
    }

    private static JsonObject Encode(IEnumerable<string> fields)
    {
        var root = new JsonObject();
        foreach (var path in fields.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in path.Split(FieldPaths.Separator))
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject child)
                {
                    child = [];
                    node[key] = child;
                }

                node = child;
            }
        }

        return root;
    }

    private static void Decode(JsonObject? node, string prefix, HashSet<string> fields)
    {
        if (node is null)
        {
            return;
        }

        foreach (var (key, value) in node)
        {
            if (!key.StartsWith("f:", StringComparison.Ordinal))
            {
                // "k:", "v:", "i:" and "." entries come from real associative-list tracking; the
                // emulator owns lists atomically, so the enclosing field is the leaf.
                if (prefix.Length > 0)
                {
                    fields.Add(prefix);
                }

                continue;
            }

            var path = prefix.Length == 0 ? key[2..] : prefix + FieldPaths.Separator + key[2..];
            if (value is JsonObject child && child.Count > 0)
            {
                Decode(child, path, fields);
            }
            else
            {
                fields.Add(path);
            }
        }
    }
}
