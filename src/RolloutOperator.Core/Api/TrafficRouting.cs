namespace RolloutOperator.Core.Api;

[Description("The traffic routers that move weight between the stable and canary Services. Several may be set (for example one for north-south and one for east-west traffic); every step waits for all of them.")]
[CelRule("has(self.gatewayAPI) || has(self.nginx) || has(self.istio) || has(self.alb) || has(self.plugin)", "set at least one router: gatewayAPI, nginx, istio, alb, plugin")]
public sealed class TrafficRouting
{
    [Description("Gateway API HTTPRoute/GRPCRoute backendRef weights.")]
    [JsonPropertyName("gatewayAPI")]
    public GatewayApiRouting? GatewayApi { get; set; }

    [Description("NGINX Ingress canary annotations on a generated Ingress beside the stable one.")]
    public NginxRouting? Nginx { get; set; }

    [Description("Istio VirtualService destination weights, host-based or subset-based (with a DestinationRule).")]
    public IstioRouting? Istio { get; set; }

    [Description("AWS Load Balancer Controller: the forward action annotation of the user's Ingresses.")]
    public AlbRouting? Alb { get; set; }

    [Description("A router registered under another name, with its own settings.")]
    public RouterPlugin? Plugin { get; set; }

    [Description("Header and mirror routes that setHeaderRoute and setMirrorRoute steps may manage, in order of precedence.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<ManagedRoute>? ManagedRoutes { get; set; }
}
