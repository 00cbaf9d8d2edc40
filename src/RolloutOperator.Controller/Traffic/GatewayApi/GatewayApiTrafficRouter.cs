using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// Moves weight between the stable and canary backendRefs of the user's HTTPRoutes/GRPCRoutes and keeps the operator's
/// header rules. Writes are JSON patches of exactly those paths, guarded by a <c>test</c> of metadata.resourceVersion:
/// no other field is sent, so nothing the user (or a GitOps tool) owns can be clobbered, and a concurrent edit fails the
/// patch (409/422) and is re-read and re-planned instead of being overwritten.
/// </summary>
internal sealed class GatewayApiTrafficRouter : ITrafficRouter
{
    private const int MaxAttempts = 5;

    private readonly JsonCustomObjects _routes;
    private readonly ILogger<GatewayApiTrafficRouter> _logger;

    public GatewayApiTrafficRouter(IKubernetes client, ILogger<GatewayApiTrafficRouter> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _routes = new JsonCustomObjects(client);
        _logger = logger;
    }

    public string Name => ParseContext.GatewayApiRouter;

    public RouterCapabilities Capabilities { get; } = new(SupportsHeaderRoutes: true, SupportsMirrorRoutes: true);

    /// <summary>
    /// The split every managed rule of every route agrees on. When they disagree (a write that reached only some of them)
    /// the split is unknown: a step does not advance on it, and the engine writes the desired split again — reporting the
    /// lowest weight instead would leave a route stuck at a higher weight after an abort. Misconfiguration throws
    /// <see cref="TrafficRoutingException"/>.
    /// </summary>
    public async Task<TrafficObservation?> ObserveAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        var observations = new List<RouteObservation>();
        foreach (var target in RouteTarget.From(context))
        {
            var route = await GetAsync(target, cancellationToken).ConfigureAwait(false);
            observations.Add(RouteObservation.Read(route, target));
        }

        var weights = observations.Select(o => o.CanaryWeight).Distinct().ToList();
        var headerRoutes = observations[0].HeaderRoutes;
        var mirrorRoutes = observations[0].MirrorRoutes;
        if (weights is not [int weight]
            || observations.Any(o => !o.HeaderRoutes.SetEquals(headerRoutes) || !o.MirrorRoutes.SetEquals(mirrorRoutes)))
        {
            return null;
        }

        return new TrafficObservation(weight, [.. headerRoutes.Order(StringComparer.Ordinal)])
        {
            MirrorRoutes = [.. mirrorRoutes.OrderBy(m => m.Name, StringComparer.Ordinal)],
        };
    }

    public async Task ApplyAsync(TrafficRoutingContext context, DesiredTraffic desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentOutOfRangeException.ThrowIfNegative(desired.CanaryWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(desired.CanaryWeight, 100);
        foreach (var target in RouteTarget.From(context))
        {
            var route = await GetAsync(target, cancellationToken).ConfigureAwait(false);
            await ConvergeAsync(target, route, desired, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Weights back to 100/0 and header rules removed; a route that is already gone has nothing to reset.</summary>
    public async Task ResetAsync(TrafficRoutingContext context, CancellationToken cancellationToken)
    {
        foreach (var target in RouteTarget.From(context))
        {
            var route = await _routes.FindAsync(target.Address, cancellationToken).ConfigureAwait(false);
            if (route is null)
            {
                GatewayApiLog.MissingOnReset(_logger, target);
                continue;
            }

            await ConvergeAsync(target, route, DesiredTraffic.Stable, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ConvergeAsync(RouteTarget target, JsonObject route, DesiredTraffic desired, CancellationToken cancellationToken)
    {
        HttpOperationException? rejected;
        for (var attempt = 1; ; attempt++)
        {
            var ops = RoutePatch.Build(route, target, desired);
            if (ops.Count == 0)
            {
                return;
            }

            var resourceVersion = RoutePatch.ResourceVersion(route);
            try
            {
                await _routes.PatchAsync(target.Address, RoutePatch.WithPrecondition(ops, resourceVersion), cancellationToken).ConfigureAwait(false);
                GatewayApiLog.Patched(_logger, target, desired.CanaryWeight, ops.Count);
                return;
            }
            catch (HttpOperationException e) when (IsRetryable(e) && attempt < MaxAttempts)
            {
                GatewayApiLog.Retrying(_logger, target, attempt, (int)e.Response.StatusCode);
                rejected = e.Response.StatusCode == HttpStatusCode.UnprocessableEntity ? e : null;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                throw Rejected(target, e);
            }

            route = await GetAsync(target, cancellationToken).ConfigureAwait(false);

            // A failed resourceVersion test is a 422 too; if the route did not change, the 422 was the schema rejecting the write.
            if (rejected is not null && RoutePatch.ResourceVersion(route) == resourceVersion)
            {
                throw Rejected(target, rejected);
            }
        }
    }

    private async Task<JsonObject> GetAsync(RouteTarget target, CancellationToken cancellationToken) =>
        await _routes.FindAsync(target.Address, cancellationToken).ConfigureAwait(false)
        ?? throw new TrafficRoutingException($"{target} not found");

    private static bool IsRetryable(HttpOperationException e) =>
        e.Response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity;

    private static TrafficRoutingException Rejected(RouteTarget target, HttpOperationException e) =>
        new($"{target} rejected the traffic update: {StatusMessage(e)}", e);

    private static string StatusMessage(HttpOperationException e)
    {
        try
        {
            return JsonNode.Parse(e.Response.Content)?["message"]?.GetValue<string>() ?? e.Message;
        }
        catch (System.Text.Json.JsonException)
        {
            return e.Message;
        }
    }
}
