namespace RolloutOperator.Core.Api;

[Description("Selects the TLS routes (tls[]) with a match on this port and these SNI hosts.")]
[CelRule("has(self.port) || has(self.sniHosts)", "set port, sniHosts or both")]
public sealed class IstioTlsRoute
{
    [Description("Port of a match of the route.")]
    [Range(1, 65535)]
    public int? Port { get; set; }

    [Description("SNI hosts of a match of the route; every one must be listed there.")]
    [MaxLength(16)]
    [AtomicList]
    public List<string>? SniHosts { get; set; }
}
