namespace RolloutOperator.Core.Api;

[Description("The traffic router that moves weight between the stable and canary Services. Exactly one router.")]
[CelRule("(has(self.gatewayAPI) ? 1 : 0) + (has(self.nginx) ? 1 : 0) + (has(self.istio) ? 1 : 0) + (has(self.plugin) ? 1 : 0) == 1", "set exactly one of gatewayAPI, nginx, istio, plugin")]
public sealed class TrafficRouting
{
    [Description("Gateway API HTTPRoute/GRPCRoute backendRef weights.")]
    [JsonPropertyName("gatewayAPI")]
    public GatewayApiRouting? GatewayApi { get; set; }

    [Description("NGINX Ingress canary annotations on a generated Ingress beside the stable one.")]
    public NginxRouting? Nginx { get; set; }

    [Description("Istio VirtualService destination weights, host-based or subset-based (with a DestinationRule).")]
    public IstioRouting? Istio { get; set; }

    [Description("A router registered under another name, with its own settings.")]
    public RouterPlugin? Plugin { get; set; }

    [Description("Header routes that setHeaderRoute steps may manage, in order of precedence.")]
    [MaxLength(16)]
    [ListMapKeys("name")]
    public List<ManagedRoute>? ManagedRoutes { get; set; }
}
