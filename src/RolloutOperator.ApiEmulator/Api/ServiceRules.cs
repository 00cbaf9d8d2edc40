using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>core/v1 Service defaults (type, ports, a stable fake clusterIP) and validation.</summary>
internal static class ServiceRules
{
    public static void Default(JsonObject obj, JsonObject? old)
    {
        if (obj["spec"] is not JsonObject spec)
        {
            return;
        }

        spec["type"] ??= "ClusterIP";
        spec["sessionAffinity"] ??= "None";
        spec["internalTrafficPolicy"] ??= "Cluster";
        spec["ipFamilyPolicy"] ??= "SingleStack";
        spec["ipFamilies"] ??= new JsonArray("IPv4");
        // clusterIP is allocated once and immutable afterwards.
        var clusterIp = JsonTree.Str(old?["spec"], "clusterIP") ?? JsonTree.Str(spec, "clusterIP") ?? Allocate(obj);
        spec["clusterIP"] = clusterIp;
        spec["clusterIPs"] = new JsonArray(clusterIp);
        foreach (var port in JsonTree.Objects(spec["ports"]))
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
        }
    }

    public static void Validate(JsonObject obj, List<FieldError> errors)
    {
        var spec = obj["spec"] as JsonObject;
        var ports = JsonTree.Objects(spec?["ports"]).ToList();
        if (ports.Count == 0 && JsonTree.Str(spec, "clusterIP") != "None")
        {
            errors.Add(FieldError.Required("spec.ports"));
        }

        for (var i = 0; i < ports.Count; i++)
        {
            if (JsonTree.Long(ports[i]["port"]) is not (>= 1 and <= 65535))
            {
                errors.Add(FieldError.Invalid($"spec.ports[{i}].port", ports[i]["port"], "must be between 1 and 65535, inclusive"));
            }
        }
    }

    private static string Allocate(JsonObject obj)
    {
        var hash = (uint)StringComparer.Ordinal.GetHashCode(JsonTree.Uid(obj) ?? JsonTree.Name(obj) ?? string.Empty);
        return $"10.96.{(hash >> 8) % 256}.{(hash % 254) + 1}";
    }
}
