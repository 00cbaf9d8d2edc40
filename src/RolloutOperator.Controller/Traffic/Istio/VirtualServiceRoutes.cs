using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Finds the routes of a VirtualService the operator manages: HTTP routes by name, TLS routes by port and SNI hosts, TCP
/// routes by port, or, when the spec names none, every route with a stable destination. A route the spec names that is
/// missing or has no stable destination is a misconfiguration.
/// </summary>
internal static class VirtualServiceRoutes
{
    public static JsonArray Of(JsonObject virtualService, RouteSection section) =>
        virtualService["spec"]?[section.Key] as JsonArray ?? [];

    public static string? Name(JsonNode? route) =>
        route?["name"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null;

    public static JsonArray Destinations(JsonNode? route) => route?["route"] as JsonArray ?? [];

    public static IReadOnlyList<ManagedRoute> Managed(JsonObject virtualService, VirtualServiceTarget target)
    {
        var managed = target.ManagesAll ? All(virtualService, target) : Named(virtualService, target);
        foreach (var route in managed)
        {
            CheckDestinations(Of(virtualService, route.Section)[route.Index], route, target);
        }

        return managed.Count > 0
            ? managed
            : throw new TrafficRoutingException($"{target} has no route to {target.Roles.StableText}");
    }

    private static List<ManagedRoute> All(JsonObject virtualService, VirtualServiceTarget target) =>
        [.. RouteSection.All.SelectMany(section => Indices(virtualService, section)
            .Where(i => Of(virtualService, section)[i] is var route && HasStable(route, target) && !OperatorRoutes.IsOurs(route, target.Roles))
            .Select(i => new ManagedRoute(section, i)))];

    private static List<ManagedRoute> Named(JsonObject virtualService, VirtualServiceTarget target)
    {
        var managed = new List<ManagedRoute>();
        foreach (var name in target.Spec.HttpRoutes ?? [])
        {
            var index = Indices(virtualService, RouteSection.Http).FirstOrDefault(i => Name(Of(virtualService, RouteSection.Http)[i]) == name, -1);
            managed.Add(index >= 0 ? new ManagedRoute(RouteSection.Http, index) : throw new TrafficRoutingException($"{target} has no HTTP route named {name}"));
        }

        foreach (var tls in target.Spec.TlsRoutes ?? [])
        {
            managed.AddRange(Matching(virtualService, RouteSection.Tls, m => TlsMatches(m, tls), target, TlsText(tls)));
        }

        foreach (var tcp in target.Spec.TcpRoutes ?? [])
        {
            managed.AddRange(Matching(virtualService, RouteSection.Tcp, m => Port(m) == tcp.Port, target, $"port {tcp.Port}"));
        }

        return [.. managed.Distinct()];
    }

    private static List<ManagedRoute> Matching(JsonObject virtualService, RouteSection section, Func<JsonNode?, bool> matches, VirtualServiceTarget target, string what)
    {
        var routes = Of(virtualService, section);
        var found = Indices(virtualService, section)
            .Where(i => routes[i]?["match"] is JsonArray list && list.Any(matches))
            .Select(i => new ManagedRoute(section, i))
            .ToList();
        return found.Count > 0 ? found : throw new TrafficRoutingException($"{target} has no {section.Label} route matching {what}");
    }

    private static void CheckDestinations(JsonNode? route, ManagedRoute managed, VirtualServiceTarget target)
    {
        var destinations = Destinations(route);
        var where = $"{target} {managed.Section.Label} route {Name(route) ?? managed.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (!destinations.Any(d => target.Roles.IsStable(d?["destination"])))
        {
            throw new TrafficRoutingException($"{where} has no destination to {target.Roles.StableText}");
        }

        // Weights must add up to 100; with a third destination the operator could only break the user's split.
        if (destinations.Any(d => !target.Roles.IsStable(d?["destination"]) && !target.Roles.IsCanary(d?["destination"])))
        {
            throw new TrafficRoutingException($"{where} has destinations other than the stable and canary ones");
        }
    }

    private static bool HasStable(JsonNode? route, VirtualServiceTarget target) =>
        Destinations(route).Any(d => target.Roles.IsStable(d?["destination"]));

    private static IEnumerable<int> Indices(JsonObject virtualService, RouteSection section) =>
        Enumerable.Range(0, Of(virtualService, section).Count);

    private static bool TlsMatches(JsonNode? match, IstioTlsRoute selector)
    {
        var hosts = (match?["sniHosts"] as JsonArray ?? []).Select(h => h?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return (selector.Port is null || Port(match) == selector.Port) && (selector.SniHosts ?? []).All(hosts.Contains);
    }

    private static int? Port(JsonNode? match) =>
        match?["port"] is JsonValue v && v.TryGetValue<int>(out var port) ? port : null;

    private static string TlsText(IstioTlsRoute tls) =>
        string.Join(" and ", new[] { tls.Port is { } p ? $"port {p}" : null, tls.SniHosts is { Count: > 0 } h ? $"sniHosts {string.Join(", ", h)}" : null }.OfType<string>());
}
