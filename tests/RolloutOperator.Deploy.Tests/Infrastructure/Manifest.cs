namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>One rendered Kubernetes object.</summary>
internal sealed class Manifest(Dictionary<object, object> root)
{
    public object Root { get; } = root;

    public string Kind => Node.Text(Root, "kind") ?? "";

    public string ApiVersion => Node.Text(Root, "apiVersion") ?? "";

    public string Name => Node.Text(Root, "metadata", "name") ?? "";

    public string? Namespace => Node.Text(Root, "metadata", "namespace");

    public string? Label(string key) => Node.Map(Root, "metadata", "labels").GetValueOrDefault(key) as string;

    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
