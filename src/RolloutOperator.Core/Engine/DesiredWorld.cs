using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>What the cluster should look like after this decision: replicas per revision, the split, and Service selectors.</summary>
internal sealed class DesiredWorld
{
    public Dictionary<string, int> Replicas { get; } = new(StringComparer.Ordinal);

    public int CanaryWeight { get; set; }

    public List<HeaderRoutePlan> HeaderRoutes { get; } = [];

    public List<MirrorRoutePlan> MirrorRoutes { get; } = [];

    public Dictionary<ServiceRole, string> Services { get; } = [];

    /// <summary>Weight the rollout counts as reached: the router's report, or for replica-ratio canaries the ratio of available pods.</summary>
    public int? ObservedWeight { get; set; }

    public void Clear()
    {
        Replicas.Clear();
        HeaderRoutes.Clear();
        MirrorRoutes.Clear();
        Services.Clear();
        CanaryWeight = 0;
        ObservedWeight = null;
    }
}
