namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>The Istio objects the router reads and patches (networking.istio.io/v1).</summary>
internal sealed record IstioKind(string Kind, string Plural)
{
    public const string Group = "networking.istio.io";
    public const string Version = "v1";

    public static IstioKind VirtualService { get; } = new("VirtualService", "virtualservices");

    public static IstioKind DestinationRule { get; } = new("DestinationRule", "destinationrules");
}
