using System.Text.Json.Nodes;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// The operator's own HTTP routes in a VirtualService: header routes (everything to the canary) and mirror routes (the
/// managed route's split plus a mirror to the canary), named <c>rollout-operator-&lt;route&gt;</c> (plus <c>-&lt;n&gt;</c>
/// when several HTTP routes are managed). Both the name and the destinations must say so before a route counts as ours,
/// so a user route or another Rollout's route with a similar name is never touched.
/// </summary>
internal static class OperatorRoutes
{
    public const string Prefix = "rollout-operator-";

    public static string RouteName(string route, int ordinal, int managedCount) =>
        managedCount == 1 ? Prefix + route : $"{Prefix}{route}-{ordinal}";

    public static bool IsOurs(JsonNode? route, DestinationRoles roles)
    {
        if (VirtualServiceRoutes.Name(route) is not { } name || !name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var destinations = VirtualServiceRoutes.Destinations(route);
        if (destinations.Count == 0 || !destinations.All(d => roles.IsStable(d?["destination"]) || roles.IsCanary(d?["destination"])))
        {
            return false;
        }

        return route!["mirror"] is { } mirror
            ? roles.IsCanary(mirror)
            : destinations.All(d => roles.IsCanary(d?["destination"]));
    }

    public static List<(int Index, JsonObject Route)> Existing(JsonObject virtualService, DestinationRoles roles)
    {
        var routes = VirtualServiceRoutes.Of(virtualService, RouteSection.Http);
        var existing = new List<(int, JsonObject)>();
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is JsonObject route && IsOurs(route, roles))
            {
                existing.Add((i, route));
            }
        }

        return existing;
    }

    /// <summary>
    /// Route names (without prefix and ordinal) present for every managed HTTP route, split into header and mirror routes;
    /// a mirror route comes with the share its routes agree on and is left out when they disagree, so it is written again.
    /// </summary>
    public static (IReadOnlySet<string> Headers, IReadOnlySet<MirrorRouteObservation> Mirrors) Present(JsonObject virtualService, DestinationRoles roles, int managedHttp)
    {
        var existing = Existing(virtualService, roles);
        return (Complete(existing.Where(e => e.Route["mirror"] is null), managedHttp), Mirrors(existing.Where(e => e.Route["mirror"] is not null).ToList(), managedHttp));
    }

    private static HashSet<MirrorRouteObservation> Mirrors(List<(int Index, JsonObject Route)> routes, int managedHttp)
    {
        var present = new HashSet<MirrorRouteObservation>();
        foreach (var name in Complete(routes, managedHttp))
        {
            var routeNames = Enumerable.Range(0, managedHttp).Select(k => managedHttp <= 1 ? Prefix + name : $"{Prefix}{name}-{k}").ToHashSet(StringComparer.Ordinal);
            var shares = routes.Where(e => routeNames.Contains(VirtualServiceRoutes.Name(e.Route)!)).Select(e => MirrorShare(e.Route)).Distinct().ToList();
            if (shares is [int hundredths])
            {
                present.Add(new MirrorRouteObservation(name, hundredths));
            }
        }

        return present;
    }

    /// <summary>The share in hundredths of a percent: <c>mirrorPercentage.value</c>, all requests when it is left out; null when unreadable.</summary>
    private static int? MirrorShare(JsonObject route)
    {
        if (route["mirrorPercentage"] is not { } percentage)
        {
            return 10000;
        }

        return percentage["value"] is JsonValue value && value.TryGetValue<double>(out var percent) && percent is >= 0 and <= 100
            ? (int)Math.Round(percent * 100, MidpointRounding.AwayFromZero)
            : null;
    }

    private static HashSet<string> Complete(IEnumerable<(int Index, JsonObject Route)> routes, int managedHttp)
    {
        var names = routes.Select(e => VirtualServiceRoutes.Name(e.Route)![Prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        if (managedHttp <= 1)
        {
            return names;
        }

        return names
            .Select(n => n.LastIndexOf('-') is var dash and > 0 ? n[..dash] : n)
            .Where(route => Enumerable.Range(0, managedHttp).All(k => names.Contains($"{route}-{k}")))
            .ToHashSet(StringComparer.Ordinal);
    }
}
