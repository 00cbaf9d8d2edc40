using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Controller.Traffic.Nginx;

/// <summary>
/// The canary annotations of ingress-nginx. It can route by one header only, so at most one header route with one match
/// is expressible; anything more is refused rather than widened or silently dropped.
/// </summary>
internal sealed class NginxAnnotations(NginxRouting routing)
{
    public const string DefaultPrefix = "nginx.ingress.kubernetes.io";
    public const string HeaderRouteKey = ApiGroup.Prefix + "header-route";

    private readonly string _prefix = string.IsNullOrEmpty(routing.AnnotationPrefix) ? DefaultPrefix : routing.AnnotationPrefix;

    public string Canary => $"{_prefix}/canary";

    public string Weight => $"{_prefix}/canary-weight";

    public string ByHeader => $"{_prefix}/canary-by-header";

    public Dictionary<string, string> Desired(int canaryWeight, IReadOnlyList<HeaderRoutePlan> headerRoutes)
    {
        var annotations = new Dictionary<string, string>(routing.AdditionalIngressAnnotations ?? [], StringComparer.Ordinal)
        {
            [Canary] = "true",
            [Weight] = canaryWeight.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (SingleHeaderRoute(headerRoutes) is { } route)
        {
            var match = route.Matches[0];
            annotations[ByHeader] = match.Header;
            annotations[HeaderRouteKey] = route.Name;
            if (match.Kind == StringMatchKind.Exact)
            {
                annotations[$"{ByHeader}-value"] = match.Value;
            }
            else
            {
                annotations[$"{ByHeader}-pattern"] = match.Kind == StringMatchKind.Prefix ? HeaderPatterns.Prefix(match.Value) : match.Value;
            }
        }

        return annotations;
    }

    private static HeaderRoutePlan? SingleHeaderRoute(IReadOnlyList<HeaderRoutePlan> headerRoutes)
    {
        var active = headerRoutes.Where(r => r.Matches.Count > 0).ToList();
        if (active.Count > 1)
        {
            throw new TrafficRoutingException(
                $"the nginx router supports one header route at a time; requested: {string.Join(", ", active.Select(r => r.Name))}");
        }

        if (active is [{ Matches.Count: > 1 } route])
        {
            throw new TrafficRoutingException($"the nginx router supports one header match per route; header route {route.Name} has {route.Matches.Count}");
        }

        return active.FirstOrDefault();
    }
}
