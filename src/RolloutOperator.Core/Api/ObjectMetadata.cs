namespace RolloutOperator.Core.Api;

/// <summary>The part of metav1.ObjectMeta that Core and offline tools need; the controller uses the client's full type.</summary>
public sealed class ObjectMetadata
{
    public string? Name { get; set; }

    public string? Namespace { get; set; }

    public long? Generation { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public Dictionary<string, string>? Annotations { get; set; }
}
