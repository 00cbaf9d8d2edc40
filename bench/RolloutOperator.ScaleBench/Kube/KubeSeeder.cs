using System.Diagnostics;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.ScaleBench.Kube;

/// <summary>
/// Fills a real cluster through its API, as <see cref="Seeder"/> fills the emulator: the template Rollout is rolled out
/// twice by a short-lived operator process, then cloned with each clone's own name, uid and revision hashes, its
/// revision Deployments and status written by server-side apply with the operator's field manager. Objects are written
/// <see cref="BenchOptions.SeedConcurrency"/> at a time, within the benchmark client's own rate limit.
/// </summary>
internal sealed class KubeSeeder(KubeBenchCluster cluster, BenchOptions options, string logDirectory, TextWriter progress)
{
    private const string Apps = "apps";
    private const string ClientSideApply = "kubectl-client-side-apply";

    private KubeApi Api => cluster.Api;

    public async Task<TimeSpan> SeedUnrelatedAsync(int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ns = cluster.UnrelatedNamespace;
        await ForEachAsync(count, async (i, token) =>
        {
            await Api.CreateAsync(KubeApi.Path(Apps, "v1", "deployments", ns), Manifests.UnrelatedDeployment(ns, i), ClientSideApply, token);
            await Api.CreateAsync(KubeApi.Path(string.Empty, "v1", "services", ns), Manifests.UnrelatedService(ns, i), ClientSideApply, token);
        }, ct);
        return clock.Elapsed;
    }

    /// <summary>Rolls the template Rollout (index 0) out twice with a short-lived operator process.</summary>
    public async Task<IdleTemplate> RollOutTemplateAsync(CancellationToken ct)
    {
        var ns = cluster.RolloutNamespace;
        var name = Manifests.RolloutName(0);
        await Api.CreateAsync(RolloutPath(ns, null), Manifests.Rollout(ns, name, Manifests.ImageV1, pause: Manifests.Seconds(options.Pause)), "kubectl", ct);
        string[] args = ["--qps", "0", .. cluster.ContextArgs, "--namespaces", ns];
        await using var seeding = OperatorUnderTest.Start(cluster.KubeconfigPath, Path.Combine(logDirectory, "seeding-operator.log"), args);
        var first = await WaitAsync(name, r => Phase(r) == "Healthy" && Str(r, "stableRevision") is not null, "the template's first revision", ct);
        var v1 = Str(first, "stableRevision")!;
        var patch = new JsonObject { ["spec"] = new JsonObject { ["template"] = Manifests.PodTemplate(name, Manifests.ImageV2) } };
        await Api.MergePatchAsync(RolloutPath(ns, name), patch, "kubectl", ct);
        var done = await WaitAsync(name, r => Phase(r) == "Healthy" && Str(r, "stableRevision") is { } s && s != v1, "the template's second revision", ct);
        var v2 = Str(done, "stableRevision")!;
        var old = await WaitDeploymentAsync($"{name}-{v1}", d => d?["spec"]?["replicas"]?.GetValue<int>() == 0, "the template's first revision scaled to 0", ct);
        progress.WriteLine($"  template rolled out: {name} stable {v2}, old {v1} at 0 replicas");
        return IdleTemplate.From(done, old, await Api.TryGetAsync(DeploymentPath(ns, $"{name}-{v2}"), ct), v1, v2);
    }

    /// <summary>Clones the template into Rollouts 1..count-1.</summary>
    public async Task<TimeSpan> CloneIdleAsync(IdleTemplate template, int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await ForEachAsync(count - 1, (i, token) => CloneAsync(template, Manifests.RolloutName(i + 1), token), ct);
        return clock.Elapsed;
    }

    private async Task CloneAsync(IdleTemplate template, string name, CancellationToken ct)
    {
        var ns = cluster.RolloutNamespace;
        // Created at the first revision and then changed, as the template was: same generation, same history.
        var first = template.RolloutFor(name);
        first["spec"]!["template"] = Manifests.PodTemplate(name, Manifests.ImageV1);
        await Api.CreateAsync(RolloutPath(ns, null), first, "kubectl", ct);
        var changed = new JsonObject { ["spec"] = new JsonObject { ["template"] = template.RolloutFor(name)["spec"]!["template"]!.DeepClone() } };
        var created = await Api.MergePatchAsync(RolloutPath(ns, name), changed, "kubectl", ct);
        if (created["metadata"]!["generation"]!.GetValue<long>() != template.Generation)
        {
            throw new InvalidOperationException($"{name} is at generation {created["metadata"]!["generation"]}, the template at {template.Generation}");
        }

        var v2 = RevisionHash.Compute(created["spec"]!["template"]!.AsObject());
        var v1 = RevisionHash.Compute(Manifests.PodTemplate(name, Manifests.ImageV1));
        var substitution = template.Substitution(name, created["metadata"]!["uid"]!.GetValue<string>(), v1, v2);
        foreach (var deployment in template.Deployments)
        {
            var body = substitution.Apply(deployment);
            await Api.ApplyAsync(DeploymentPath(ns, body["metadata"]!["name"]!.GetValue<string>()), body, ApiGroup.FieldManager, ct);
        }

        await Api.ApplyAsync(RolloutPath(ns, name) + "/status", substitution.Apply(template.Status), ApiGroup.FieldManager, ct);
    }

    private Task ForEachAsync(int count, Func<int, CancellationToken, Task> body, CancellationToken ct) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = options.SeedConcurrency, CancellationToken = ct },
            async (i, token) => await body(i, token));

    public static string RolloutPath(string ns, string? name) => KubeApi.Path(ApiGroup.Name, ApiGroup.Version, "rollouts", ns, name);

    private static string DeploymentPath(string ns, string name) => KubeApi.Path(Apps, "v1", "deployments", ns, name);

    private async Task<JsonObject> WaitAsync(string name, Func<JsonObject, bool> done, string what, CancellationToken ct)
    {
        var path = RolloutPath(cluster.RolloutNamespace, name);
        await OperatorProbe.UntilAsync(async () => done(await Api.GetAsync(path, ct)), null, TimeSpan.FromMinutes(2), what, ct);
        return await Api.GetAsync(path, ct);
    }

    private async Task<JsonObject> WaitDeploymentAsync(string name, Func<JsonObject?, bool> done, string what, CancellationToken ct)
    {
        var path = DeploymentPath(cluster.RolloutNamespace, name);
        await OperatorProbe.UntilAsync(async () => done(await Api.TryGetAsync(path, ct)), null, TimeSpan.FromMinutes(2), what, ct);
        return (await Api.TryGetAsync(path, ct))!;
    }

    private static string? Phase(JsonObject rollout) => Str(rollout, "phase");

    private static string? Str(JsonObject rollout, string field) => rollout["status"]?[field]?.GetValue<string>();
}
