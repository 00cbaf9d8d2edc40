using System.Net;
using System.Net.Sockets;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An address where nothing listens: connections are refused.</summary>
    public static Uri Uri() => new($"http://127.0.0.1:{Next()}/");
}
