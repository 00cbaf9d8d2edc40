namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>A route whose destination weights the operator sets: its list and position in the VirtualService.</summary>
internal sealed record ManagedRoute(RouteSection Section, int Index)
{
    public string Path => $"/spec/{Section.Key}/{Index}";
}
