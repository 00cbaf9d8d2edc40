namespace RolloutOperator.Core.Api;

[Description("Selects the TCP routes (tcp[]) with a match on this port.")]
public sealed class IstioTcpRoute
{
    [Description("Port of a match of the route.")]
    [Required]
    [Range(1, 65535)]
    public int Port { get; set; }
}
