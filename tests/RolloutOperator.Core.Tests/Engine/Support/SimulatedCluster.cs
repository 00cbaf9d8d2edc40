using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Engine.Support;

/// <summary>
/// A tiny model of the world the controller acts on: workloads whose pods become available after a delay (or never,
/// when crash-looping), a router that holds a split, and Service selectors. Actions are applied as the controller would.
/// </summary>
public sealed class SimulatedCluster
{
    private readonly Dictionary<string, Workload> _workloads = new(StringComparer.Ordinal);

    public TimeSpan ReadyDelay { get; set; } = TimeSpan.FromSeconds(5);

    public HashSet<string> CrashLooping { get; } = new(StringComparer.Ordinal);

    /// <summary>Revisions whose available pods are held at this count (a stable revision losing pods).</summary>
    public Dictionary<string, int> AvailableCap { get; } = new(StringComparer.Ordinal);

    public int CanaryWeight { get; private set; }

    public IReadOnlyList<string> HeaderRoutes { get; private set; } = [];

    public IReadOnlyList<string> MirrorRoutes => [.. Mirrors.Select(m => m.Name)];

    /// <summary>The mirror routes in force with the share each copies, as a router reports them.</summary>
    public IReadOnlyList<MirrorRouteObservation> Mirrors { get; private set; } = [];

    public bool RouterObserves { get; set; } = true;

    /// <summary>A router that takes the weight but never puts a mirror route in force.</summary>
    public bool DropMirrors { get; set; }

    /// <summary>A router that takes the weight but keeps the mirror routes it already has (a write that did not land).</summary>
    public bool FreezeMirrors { get; set; }

    public Dictionary<ServiceRole, string?> Services { get; } = new() { [ServiceRole.Stable] = null, [ServiceRole.Canary] = null };

    public List<string> Deleted { get; } = [];

    /// <summary>Judge baselines: stable revision → desired replicas.</summary>
    public Dictionary<string, int> Baselines { get; } = new(StringComparer.Ordinal);

    public int Replicas(string revision) => _workloads.TryGetValue(revision, out var w) ? w.Desired : 0;

    public int Available(string revision) => _workloads.TryGetValue(revision, out var w) ? Report(revision, w) : 0;

    public void Apply(IEnumerable<RolloutAction> actions, DateTimeOffset now)
    {
        foreach (var action in actions)
        {
            switch (action)
            {
                case ScaleRevision scale:
                    Scale(scale.Revision, scale.Replicas, now);
                    break;
                case RouteTraffic route:
                    CanaryWeight = route.CanaryWeight;
                    HeaderRoutes = [.. route.HeaderRoutes.Select(r => r.Name)];
                    Mirrors = DropMirrors ? [] : FreezeMirrors ? Mirrors : [.. route.MirrorRoutes.Select(r => new MirrorRouteObservation(r.Name, r.Hundredths))];
                    break;
                case PointService point:
                    Services[point.Role] = point.Revision;
                    break;
                case DeleteRevision delete:
                    _workloads.Remove(delete.Revision);
                    Deleted.Add(delete.Revision);
                    break;
                case ScaleBaseline baseline:
                    Baselines[baseline.StableRevision] = baseline.Replicas;
                    break;
                case DeleteBaseline baseline:
                    Baselines.Remove(baseline.StableRevision);
                    break;
            }
        }
    }

    private void Scale(string revision, int replicas, DateTimeOffset now)
    {
        if (!_workloads.TryGetValue(revision, out var workload))
        {
            workload = new Workload { CreatedAt = now };
            _workloads[revision] = workload;
        }

        if (replicas < workload.Available)
        {
            workload.Available = replicas;
        }

        workload.Desired = replicas;
        workload.ChangedAt = now;
    }

    public Dictionary<string, RevisionObservation> Observe(DateTimeOffset now)
    {
        var result = new Dictionary<string, RevisionObservation>(StringComparer.Ordinal);
        foreach (var (revision, w) in _workloads)
        {
            if (now >= w.ChangedAt + ReadyDelay)
            {
                w.Available = w.Desired;
            }

            var available = Report(revision, w);
            result[revision] = new RevisionObservation(w.Desired, available, available, w.CreatedAt);
        }

        return result;
    }

    private int Report(string revision, Workload w) =>
        CrashLooping.Contains(revision) ? 0 : Math.Min(w.Available, AvailableCap.GetValueOrDefault(revision, int.MaxValue));

    public IReadOnlyList<BaselineObservation> ObserveBaselines() => [.. Baselines.Select(b => new BaselineObservation(b.Key, b.Value))];

    public TrafficObservation? Traffic() => RouterObserves ? new TrafficObservation(CanaryWeight, HeaderRoutes) { MirrorRoutes = Mirrors } : null;

    private sealed class Workload
    {
        public int Desired { get; set; }

        public int Available { get; set; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset ChangedAt { get; set; }
    }
}
