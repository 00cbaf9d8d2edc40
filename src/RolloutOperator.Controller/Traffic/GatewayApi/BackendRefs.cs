using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>Reads backendRefs of a route rule, honouring the schema defaults (group "", kind Service, weight 1).</summary>
internal static class BackendRefs
{
    public static JsonArray? Of(JsonObject rule) => rule["backendRefs"] as JsonArray;

    public static int IndexOf(JsonObject rule, string service, string @namespace)
    {
        var refs = Of(rule);
        if (refs is null)
        {
            return -1;
        }

        for (var i = 0; i < refs.Count; i++)
        {
            if (Points(refs[i], service, @namespace))
            {
                return i;
            }
        }

        return -1;
    }

    public static bool Points(JsonNode? backendRef, string service, string @namespace) =>
        backendRef is JsonObject r
        && Text(r, "group", "") == ""
        && Text(r, "kind", "Service") == "Service"
        && Text(r, "name", "") == service
        && Text(r, "namespace", @namespace) == @namespace;

    public static int Weight(JsonNode? backendRef) =>
        backendRef?["weight"] is JsonValue v && v.TryGetValue<int>(out var weight) ? weight : 1;

    private static string Text(JsonObject o, string key, string fallback) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : fallback;
}
