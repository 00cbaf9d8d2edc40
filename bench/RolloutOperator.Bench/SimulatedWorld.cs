using RolloutOperator.Core.Engine;

namespace RolloutOperator.Bench;

/// <summary>
/// The cluster as the decider sees it, reduced to what the benchmark states need: workloads whose pods are available as
/// soon as they are scaled, a router that holds the split it was given, and Service selectors.
/// </summary>
internal sealed class SimulatedWorld(IEnumerable<ServiceRole> roles)
{
    private readonly Dictionary<string, (int Replicas, DateTimeOffset CreatedAt)> _workloads = new(StringComparer.Ordinal);
    private readonly Dictionary<ServiceRole, string?> _services = roles.ToDictionary(r => r, _ => (string?)null);
    private TrafficObservation _traffic = new(0, []);

    public void Apply(IEnumerable<RolloutAction> actions, DateTimeOffset now)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case ScaleRevision scale:
                    var createdAt = _workloads.TryGetValue(scale.Revision, out var existing) ? existing.CreatedAt : now;
                    _workloads[scale.Revision] = (scale.Replicas, createdAt);
                    break;
                case RouteTraffic route:
                    _traffic = new TrafficObservation(route.CanaryWeight, [.. route.HeaderRoutes.Select(r => r.Name)]);
                    break;
                case PointService point:
                    _services[point.Role] = point.Revision;
                    break;
                case DeleteRevision delete:
                    _workloads.Remove(delete.Revision);
                    break;
            }
        }
    }

    public Dictionary<string, RevisionObservation> Revisions() => _workloads.ToDictionary(
        w => w.Key,
        w => new RevisionObservation(w.Value.Replicas, w.Value.Replicas, w.Value.Replicas, w.Value.CreatedAt),
        StringComparer.Ordinal);

    public TrafficObservation Traffic() => _traffic;

    public Dictionary<ServiceRole, string?> Services() => new(_services);
}
