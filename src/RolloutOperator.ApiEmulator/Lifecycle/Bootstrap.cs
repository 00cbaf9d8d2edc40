using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;

namespace RolloutOperator.ApiEmulator.Lifecycle;

/// <summary>Objects every cluster starts with.</summary>
internal static class Bootstrap
{
    private static readonly string[] Namespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void Seed(ResourceApi api)
    {
        var type = api.Context.Registry.Find(string.Empty, "v1", "namespaces")!;
        foreach (var name in Namespaces)
        {
            var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };
            api.Create(type, null, ns, new WriteOptions("kube-apiserver"));
        }
    }
}
