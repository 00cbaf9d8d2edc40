namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>The Gateway API route kinds the router manages; they differ only in name and in whether matches carry a path.</summary>
internal sealed record RouteKind(string Kind, string Plural, bool HasPathMatch)
{
    public const string Group = "gateway.networking.k8s.io";
    public const string Version = "v1";

    public static RouteKind Http { get; } = new("HTTPRoute", "httproutes", HasPathMatch: true);

    public static RouteKind Grpc { get; } = new("GRPCRoute", "grpcroutes", HasPathMatch: false);
}
