namespace RolloutOperator.ScaleBench.Kube;

/// <summary>
/// The benchmark's watches on a real cluster: the Rollouts (step, phase and revisions over time) and the revision
/// Deployments (when each was first seen, i.e. created) of the run's Rollout namespace.
/// </summary>
internal sealed class KubeWatches : IAsyncDisposable
{
    private KubeWatches(RolloutWatch rollouts, RolloutWatch deployments)
    {
        Rollouts = rollouts;
        Deployments = deployments;
    }

    public RolloutWatch Rollouts { get; }

    /// <summary>Deployments carry none of the Rollout fields: each one's first observation is when it was first seen.</summary>
    public RolloutWatch Deployments { get; }

    /// <summary>Starts both watches and waits until they have seen every Rollout and both revision Deployments of each.</summary>
    public static async Task<KubeWatches> StartAsync(KubeBenchCluster cluster, int rollouts, CancellationToken ct)
    {
        var ns = cluster.RolloutNamespace;
        var watches = new KubeWatches(
            new RolloutWatch(token => cluster.Api.WatchAsync(KubeSeeder.RolloutPath(ns, null), token)),
            new RolloutWatch(token => cluster.Api.WatchAsync(KubeApi.Path("apps", "v1", "deployments", ns), token)));
        await OperatorProbe.UntilAsync(
            () => Task.FromResult(watches.Rollouts.Seen >= rollouts && watches.Deployments.Seen >= 2 * rollouts), null, TimeSpan.FromMinutes(5), "the benchmark's watches to see every object", ct);
        return watches;
    }

    /// <summary>When the Deployment was first seen, if it has been.</summary>
    public DateTimeOffset? DeploymentSeen(string name) => Deployments.Of(name) is { Count: > 0 } seen ? seen[0].Time : null;

    public async ValueTask DisposeAsync()
    {
        await Rollouts.DisposeAsync();
        await Deployments.DisposeAsync();
    }
}
