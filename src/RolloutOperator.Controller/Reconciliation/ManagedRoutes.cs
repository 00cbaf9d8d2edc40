using System.Text.Json;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// The shared routes a Rollout writes weights to, with the Services whose backendRefs carry them. Recorded in the
/// annotation <c>rollout-operator.io/managed-routes</c>, set and cleared in the same metadata patch as the finalizer, so
/// whenever the finalizer is there the operator also knows which routes to put back — even after the spec stops naming
/// them (the spec is the user's and says only what is wanted now, not what the operator wrote before).
/// </summary>
internal sealed record ManagedRoutes(string StableService, string CanaryService, List<RouteRef>? HttpRoutes, List<RouteRef>? GrpcRoutes)
{
    /// <summary>The Istio VirtualServices (and DestinationRule) the Rollout writes to; null when it routes through none.</summary>
    public IstioRouting? Istio { get; init; }

    /// <summary>The ALB action the operator writes into the user's Ingresses (null when it writes none).</summary>
    public AlbRouting? Alb { get; init; }

    /// <summary>What the spec routes through now; null when it edits no shared object.</summary>
    public static ManagedRoutes? FromSpec(RolloutSpec spec)
    {
        var canary = spec.Strategy?.Canary;
        var routing = canary?.TrafficRouting;
        if (canary is null || !TrafficRouters.EditsSharedObject(routing))
        {
            return null;
        }

        var gateway = routing!.GatewayApi;
        return new ManagedRoutes(canary.StableService ?? string.Empty, canary.CanaryService ?? string.Empty, gateway?.HttpRoutes, gateway?.GrpcRoutes)
        {
            Istio = routing.Istio,
            Alb = routing.Alb,
        };
    }

    /// <summary>The names of the objects the record covers, for events.</summary>
    public IEnumerable<string> ObjectNames =>
        (HttpRoutes ?? []).Concat(GrpcRoutes ?? []).Select(r => r.Name)
            .Concat((Istio?.VirtualServices ?? []).Select(v => v.Name))
            .Concat(Istio?.DestinationRule is { } rule ? [rule.Name] : [])
            .Concat(Alb?.Ingresses ?? [])
            .Distinct(StringComparer.Ordinal);

    /// <summary>What the operator recorded; null when there is no record (or it is unreadable: someone edited it).</summary>
    public static ManagedRoutes? Read(Rollout rollout)
    {
        if (Annotation(rollout) is not { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            return ApiJson.Deserialize<ManagedRoutes>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Annotation(Rollout rollout) =>
        rollout.Metadata.Annotations?.TryGetValue(RolloutApi.ManagedRoutesAnnotation, out var value) == true ? value : null;

    public string ToAnnotation() => ApiJson.Serialize(this);

    public TrafficRouting Routing => new()
    {
        GatewayApi = (HttpRoutes?.Count ?? 0) + (GrpcRoutes?.Count ?? 0) > 0 ? new GatewayApiRouting { HttpRoutes = HttpRoutes, GrpcRoutes = GrpcRoutes } : null,
        Istio = Istio,
        Alb = Alb is { Ingresses.Count: > 0 } ? Alb : null,
    };

    /// <summary>
    /// The routes of this record that <paramref name="next"/> no longer manages, or null when there are none. Other
    /// Services mean other backendRefs, so then every route counts as released.
    /// </summary>
    public ManagedRoutes? Without(ManagedRoutes? next)
    {
        var same = next is not null && next.StableService == StableService && next.CanaryService == CanaryService;
        var http = Released(HttpRoutes, same ? next!.HttpRoutes : null);
        var grpc = Released(GrpcRoutes, same ? next!.GrpcRoutes : null);
        var istio = ReleasedIstio(Istio, same ? next!.Istio : null);
        var alb = ReleasedAlb(Alb, same ? next!.Alb : null);
        return http.Count + grpc.Count + (alb?.Ingresses.Count ?? 0) == 0 && istio is null ? null : this with { HttpRoutes = http, GrpcRoutes = grpc, Istio = istio, Alb = alb };
    }

    /// <summary>Ingresses no longer written with the same action (another key means another annotation to put back).</summary>
    private static AlbRouting? ReleasedAlb(AlbRouting? current, AlbRouting? next)
    {
        if (current is null)
        {
            return null;
        }

        var sameAction = next is not null && next.RootService == current.RootService && next.AnnotationPrefix == current.AnnotationPrefix && next.ServicePort == current.ServicePort;
        var released = current.Ingresses.Where(i => !sameAction || !next!.Ingresses.Contains(i)).ToList();
        return released.Count == 0 ? null : new AlbRouting
        {
            Ingresses = released,
            ServicePort = current.ServicePort,
            RootService = current.RootService,
            AnnotationPrefix = current.AnnotationPrefix,
        };
    }

    private static List<RouteRef> Released(List<RouteRef>? current, List<RouteRef>? next) =>
        [.. (current ?? []).Where(route => !(next ?? []).Any(n => n.Name == route.Name && n.Rule == route.Rule))];

    /// <summary>
    /// VirtualServices whose entry (name and routes) the next spec no longer has, and the DestinationRule if it changed.
    /// Released VirtualServices keep the DestinationRule (their destinations are its subsets), so its revision labels are
    /// reset too; the next traffic update writes them again, before any weight, while the Rollout still uses it.
    /// </summary>
    private static IstioRouting? ReleasedIstio(IstioRouting? current, IstioRouting? next)
    {
        if (current is null)
        {
            return null;
        }

        var services = current.VirtualServices
            .Where(v => !(next?.VirtualServices ?? []).Any(n => ApiJson.Serialize(n) == ApiJson.Serialize(v)))
            .ToList();
        var ruleChanged = current.DestinationRule is { } r && ApiJson.Serialize(r) != (next?.DestinationRule is { } n ? ApiJson.Serialize(n) : null);
        var rule = ruleChanged || services.Count > 0 ? current.DestinationRule : null;
        return services.Count == 0 && rule is null ? null : new IstioRouting { VirtualServices = services, DestinationRule = rule };
    }
}
