namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>One Istio object in the Rollout's namespace; its text names it in errors and logs.</summary>
internal sealed record IstioObjectRef(IstioKind Kind, string Namespace, string Name)
{
    public override string ToString() => $"{Kind.Kind} {Namespace}/{Name}";
}
