namespace RolloutOperator.Core.Parsing;

/// <summary>Defaults of trafficRouting.alb, shared by the parser and the router so both read the spec the same way.</summary>
public static class AlbDefaults
{
    public const string AnnotationPrefix = "alb.ingress.kubernetes.io";
    public const int StickinessSeconds = 3600;

    /// <summary>The load balancer's own maximum (7 days).</summary>
    public const int MaxStickinessSeconds = 604800;
}
