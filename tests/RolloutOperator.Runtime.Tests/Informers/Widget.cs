using System.Text.Json;
using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Tests.Informers;

/// <summary>A custom resource whose spec preserves unknown fields, so the API accepts any nesting in it.</summary>
internal sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "test.io/v1";

    public string Kind { get; set; } = "Widget";

    public V1ObjectMeta Metadata { get; set; } = new();

    public JsonElement? Spec { get; set; }
}
