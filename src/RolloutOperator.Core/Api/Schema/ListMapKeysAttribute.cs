namespace RolloutOperator.Core.Api.Schema;

/// <summary>Marks a list as <c>x-kubernetes-list-type: map</c> keyed by the given fields, so server-side apply merges entries.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeysAttribute(params string[] keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
