using System.Diagnostics;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.ScaleBench;

/// <summary>
/// Fills the cluster in-process. Idle Rollouts are not hand-written: one template Rollout is rolled out twice by a real
/// operator (so it has a stable revision and an older one scaled to 0, with the status the operator wrote), then it is
/// cloned with each clone's own name, uid and revision hashes, written with the operator's field manager exactly as the
/// operator would have. The measured operator then starts against objects it has nothing to do for — verified by the
/// idle-writes figure.
/// </summary>
internal sealed class Seeder(BenchCluster cluster, TimeSpan pause, TextWriter progress)
{
    private const string Apps = "apps";

    public TimeSpan SeedUnrelated(int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            cluster.Api.Create(Apps, "v1", "deployments", BenchCluster.UnrelatedNamespace, Manifests.UnrelatedDeployment(BenchCluster.UnrelatedNamespace, i), "kubectl-client-side-apply");
            cluster.Api.Create(string.Empty, "v1", "services", BenchCluster.UnrelatedNamespace, Manifests.UnrelatedService(BenchCluster.UnrelatedNamespace, i), "kubectl-client-side-apply");
        }

        return watch.Elapsed;
    }

    /// <summary>Rolls the template Rollout (index 0) out twice with a short-lived operator process.</summary>
    public async Task<IdleTemplate> RollOutTemplateAsync(CancellationToken ct)
    {
        var ns = BenchCluster.RolloutNamespace;
        var name = Manifests.RolloutName(0);
        cluster.Api.Create(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, Manifests.Rollout(ns, name, Manifests.ImageV1, pause: Manifests.Seconds(pause)), "kubectl");
        await using var seeding = OperatorUnderTest.Start(cluster.KubeconfigPath, Path.Combine(cluster.Directory, "seeding-operator.log"), ["--qps", "0", "--namespaces", ns]);
        var first = await WaitAsync(() => Rollout(name), r => Phase(r) == "Healthy" && Str(r, "stableRevision") is not null, "the template's first revision", ct);
        var v1 = Str(first, "stableRevision")!;
        var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = Manifests.PodTemplate(name, Manifests.ImageV2) } };
        cluster.Api.MergePatch(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, name, patch, "kubectl");
        var done = await WaitAsync(
            () => Rollout(name),
            r => Phase(r) == "Healthy" && Str(r, "stableRevision") is { } s && s != v1 && Replicas(Deployment($"{name}-{v1}")) == 0,
            "the template's second revision and its predecessor scaled to 0",
            ct);
        var v2 = Str(done, "stableRevision")!;
        progress.WriteLine($"  template rolled out: {name} stable {v2}, old {v1} at 0 replicas");
        return IdleTemplate.From(done, Deployment($"{name}-{v1}"), Deployment($"{name}-{v2}"), v1, v2);
    }

    /// <summary>Clones the template into Rollouts 1..count-1.</summary>
    public TimeSpan CloneIdle(IdleTemplate template, int count)
    {
        var watch = Stopwatch.StartNew();
        var ns = BenchCluster.RolloutNamespace;
        for (var i = 1; i < count; i++)
        {
            var name = Manifests.RolloutName(i);
            // Created at the first revision and then changed, as the template was: same generation, same history.
            var first = template.RolloutFor(name);
            first["spec"]!["template"] = Manifests.PodTemplate(name, Manifests.ImageV1);
            cluster.Api.Create(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, first, "kubectl");
            var created = cluster.Api.MergePatch(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, name, new JsonObject { ["spec"] = new JsonObject { ["template"] = template.RolloutFor(name)["spec"]!["template"]!.DeepClone() } }, "kubectl");
            var uid = created["metadata"]!["uid"]!.GetValue<string>();
            if (Number(created["metadata"]!["generation"]) != template.Generation)
            {
                throw new InvalidOperationException($"{name} is at generation {created["metadata"]!["generation"]}, the template at {template.Generation}");
            }
            var spec = created["spec"]!.AsObject();
            var v2 = RevisionHash.Compute(spec["template"]!.AsObject());
            var v1 = RevisionHash.Compute(Manifests.PodTemplate(name, Manifests.ImageV1));
            var substitution = template.Substitution(name, uid, v1, v2);
            foreach (var deployment in template.Deployments)
            {
                var body = substitution.Apply(deployment);
                cluster.Api.Apply(Apps, "v1", "deployments", ns, body["metadata"]!["name"]!.GetValue<string>(), body, ApiGroup.FieldManager);
            }

            var status = substitution.Apply(template.Status);
            cluster.Api.Apply(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, name, status, ApiGroup.FieldManager, "status");
        }

        return watch.Elapsed;
    }

    private JsonObject Rollout(string name) => cluster.Api.Get(ApiGroup.Name, ApiGroup.Version, "rollouts", BenchCluster.RolloutNamespace, name);

    private JsonObject? Deployment(string name)
    {
        try
        {
            return cluster.Api.Get(Apps, "v1", "deployments", BenchCluster.RolloutNamespace, name);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Phase(JsonObject rollout) => Str(rollout, "phase");

    private static string? Str(JsonObject rollout, string field) => rollout["status"]?[field]?.GetValue<string>();

    private static long? Replicas(JsonObject? deployment) => deployment?["spec"]?["replicas"] is { } replicas ? Number(replicas) : null;

    private static long Number(JsonNode? node) => long.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonObject> WaitAsync(Func<JsonObject> probe, Func<JsonObject, bool> done, string what, CancellationToken ct, int seconds = 120)
    {
        var until = Stopwatch.StartNew();
        var last = probe();
        while (!done(last))
        {
            if (until.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"timed out waiting for {what}; last status: {last["status"]?.ToJsonString()}");
            }

            await Task.Delay(100, ct);
            last = probe();
        }

        return last;
    }
}
