using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>Folds the VirtualServices' observations into one: null unless every one agrees (TLS/TCP-only ones have no say on header and mirror routes).</summary>
internal static class IstioObservation
{
    public static TrafficObservation? Combine(IReadOnlyList<VirtualServiceObservation> observations)
    {
        var weights = observations.Select(o => o.CanaryWeight).Distinct().ToList();
        if (weights is not [int weight])
        {
            return null;
        }

        var http = observations.Where(o => o.HasHttp).ToList();
        if (http.Count == 0)
        {
            return new TrafficObservation(weight, []);
        }

        var headers = http[0].HeaderRoutes;
        var mirrors = http[0].MirrorRoutes;
        if (http.Any(o => !o.HeaderRoutes.SetEquals(headers) || !o.MirrorRoutes.SetEquals(mirrors)))
        {
            return null;
        }

        return new TrafficObservation(weight, [.. headers.Order(StringComparer.Ordinal)]) { MirrorRoutes = [.. mirrors.OrderBy(m => m.Name, StringComparer.Ordinal)] };
    }
}
