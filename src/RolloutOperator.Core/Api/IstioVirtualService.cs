namespace RolloutOperator.Core.Api;

[Description("A VirtualService and the routes in it to manage. With no httpRoutes, tlsRoutes or tcpRoutes, every route with a destination to the stable Service (or subset) is managed.")]
public sealed class IstioVirtualService
{
    [Description("VirtualService name.")]
    [Required]
    [MaxLength(253)]
    public string Name { get; set; } = "";

    [Description("Names (http[].name) of the HTTP routes to manage.")]
    [MaxLength(16)]
    [AtomicList]
    public List<string>? HttpRoutes { get; set; }

    [Description("TLS routes to manage, identified by their match (TLS routes have no name).")]
    [MaxLength(16)]
    [AtomicList]
    public List<IstioTlsRoute>? TlsRoutes { get; set; }

    [Description("TCP routes to manage, identified by their match port (TCP routes have no name).")]
    [MaxLength(16)]
    [AtomicList]
    public List<IstioTcpRoute>? TcpRoutes { get; set; }
}
