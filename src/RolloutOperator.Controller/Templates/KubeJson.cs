using System.Text.Json.Nodes;
using k8s;

namespace RolloutOperator.Controller.Templates;

/// <summary>Client models as JSON trees, through the client's own serializer (it knows the Kubernetes converters).</summary>
internal static class KubeJson
{
    public static JsonObject ToObject(object value) =>
        JsonNode.Parse(KubernetesJson.Serialize(value)) as JsonObject ?? [];
}
