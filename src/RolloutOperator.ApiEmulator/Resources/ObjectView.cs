using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Resources;

/// <summary>How a stored object is shown to a client of one API version.</summary>
internal static class ObjectView
{
    public static JsonObject Present(JsonObject stored, ResourceType type)
    {
        var view = JsonTree.CloneObject(stored);
        // All served versions share storage ("None" conversion): only apiVersion differs.
        view["apiVersion"] = type.ApiVersion;
        view["kind"] = type.Kind;
        MoveToFront(view, "apiVersion", "kind");
        if (type.Schema is not null)
        {
            // Defaults are also applied when reading from storage, like the apiextensions server.
            SchemaDefaulter.Apply(view, type.Schema);
        }

        return view;
    }

    private static void MoveToFront(JsonObject obj, params string[] keys)
    {
        var rest = obj.Where(p => !keys.Contains(p.Key)).Select(p => p.Key).ToList();
        foreach (var key in rest)
        {
            var value = obj[key];
            obj.Remove(key);
            obj[key] = value;
        }
    }
}
