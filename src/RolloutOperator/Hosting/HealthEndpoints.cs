using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RolloutOperator.Runtime.Health;

namespace RolloutOperator.Hosting;

/// <summary>/healthz: every watch loop is alive. /readyz: every cache has synced (independent of leadership).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (IHealthSource health) => Respond(health.CheckLiveness()));
        endpoints.MapGet("/readyz", (IHealthSource health) => Respond(health.CheckReadiness()));
    }

    private static IResult Respond(HealthReport report) => report.IsHealthy
        ? Results.Text("ok\n")
        : Results.Text(string.Join('\n', report.Problems) + "\n", statusCode: StatusCodes.Status503ServiceUnavailable);
}
