namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>A route list of a VirtualService: spec.http, spec.tls or spec.tcp. Only HTTP routes have names, headers and mirrors.</summary>
internal sealed record RouteSection(string Key, string Label)
{
    public static RouteSection Http { get; } = new("http", "HTTP");

    public static RouteSection Tls { get; } = new("tls", "TLS");

    public static RouteSection Tcp { get; } = new("tcp", "TCP");

    public static IReadOnlyList<RouteSection> All { get; } = [Http, Tls, Tcp];
}
