using System.Net;
using System.Net.Sockets;

namespace RolloutOperator.Sandbox.Monitoring;

/// <summary>A port on 127.0.0.1 that was free a moment ago, for children that cannot be told to pick one (Prometheus).</summary>
internal static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
