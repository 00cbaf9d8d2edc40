using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Controller.Templates;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// Migration from a plain Deployment: spec.workloadRef takes over the pod template of a Deployment the operator does not
/// own ("legacy", with its own labels) and scales it down per spec.workloadRef.scaleDown.
/// </summary>
public sealed class WorkloadRefTests : IAsyncLifetime
{
    private const string Legacy = "legacy";
    private const int Replicas = 4;
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task WorkloadRef_FirstRevision_UsesLegacyTemplateAndBecomesHealthy()
    {
        await StartAsync("never");

        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);

        var legacy = await LegacyAsync();
        var expected = RevisionHash.Compute(KubeJson.ToObject(legacy.Spec.Template));
        Assert.Equal(expected, healthy.Status!.StableRevision);
        var revision = await RevisionAsync(expected);
        Assert.Equal("legacy:1", revision.Spec.Template.Spec.Containers.Single().Image);
        Assert.Equal("legacy", revision.Spec.Template.Metadata.Labels["app"]);
        Assert.Equal(expected, revision.Spec.Template.Metadata.Labels[ApiGroup.RevisionLabel]);
        Assert.Equal(Replicas, revision.Spec.Replicas);
        Assert.Equal(expected, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);

        // The user's Deployment stays the user's: no owner, its labels untouched.
        Assert.Null(legacy.Metadata.OwnerReferences);
        Assert.Equal("payments-legacy", legacy.Metadata.Labels["team"]);
    }

    [Fact]
    public async Task ScaleDownNever_HealthyRollout_LeavesLegacyReplicasUntouched()
    {
        await StartAsync("never");

        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.ReconcileAsync();

        Assert.Equal(Replicas, (await LegacyAsync()).Spec.Replicas);
        Assert.Equal(0, _h.WritesTo("deployments", "scale"));
    }

    [Fact]
    public async Task ScaleDownOnSuccess_ScalesLegacyToZeroThroughScaleOnlyOnceHealthy()
    {
        var hash = await StartAsync("onSuccess");
        _h.Emulator.Deployments.MarkCrashLoopingLabel(ApiGroup.RevisionLabel, hash);

        // The revision's pods are not available: not Healthy, so legacy keeps serving with all its pods.
        for (var i = 0; i < 3; i++)
        {
            await _h.ReconcileAsync();
            _h.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.NotEqual(RolloutPhase.Healthy, (await _h.GetRolloutAsync()).Status!.Phase);
        Assert.Equal(Replicas, (await LegacyAsync()).Spec.Replicas);

        _h.Emulator.Deployments.ClearCrashLooping();
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.ReconcileAsync();

        var legacy = await LegacyAsync();
        Assert.Equal(0, legacy.Spec.Replicas);
        Assert.Equal(1, _h.WritesTo("deployments", "scale"));
        Assert.Equal(0, Writes(w => w.Request.Name == Legacy && w.Request.Subresource is null));
        Assert.Equal("legacy:1", legacy.Spec.Template.Spec.Containers.Single().Image);
    }

    [Fact]
    public async Task ScaleDownProgressively_ScalesLegacyAsRevisionPodsBecomeAvailable()
    {
        var hash = await StartAsync("progressively");
        _h.Emulator.Deployments.MarkCrashLoopingLabel(ApiGroup.RevisionLabel, hash);
        await _h.ReconcileAsync();
        await _h.ReconcileAsync();
        Assert.Equal(Replicas, (await LegacyAsync()).Spec.Replicas);

        // Half of the revision's pods become available (written as the Deployment controller would).
        await SetAvailableAsync(hash, 2);
        await _h.ReconcileAsync();
        Assert.Equal(2, (await LegacyAsync()).Spec.Replicas);
        Assert.True(await AvailableInTotalAsync(hash) >= Replicas);

        _h.Emulator.Deployments.ClearCrashLooping();
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.ReconcileAsync();
        Assert.Equal(0, (await LegacyAsync()).Spec.Replicas);
        Assert.Equal(2, _h.WritesTo("deployments", "scale"));
    }

    [Fact]
    public async Task MissingLegacy_SetsInvalidSpecNamingWorkloadRefName_AndRecoversWhenCreated()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(Manifest("never"));

        await _h.ReconcileAsync();

        var rollout = await _h.GetRolloutAsync();
        var invalid = Assert.Single(rollout.Status!.Conditions!, c => c.Type == "InvalidSpec");
        Assert.Equal(ConditionStatus.True, invalid.Status);
        Assert.Contains("spec.workloadRef.name", invalid.Message, StringComparison.Ordinal);
        Assert.Empty(await _h.DeploymentsAsync());

        await CreateLegacyAsync("legacy:1");
        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        Assert.Contains(healthy.Status!.Conditions!, c => c is { Type: "InvalidSpec", Status: ConditionStatus.False });
    }

    [Fact]
    public async Task LegacyTemplateChange_RollsOutNewRevisionThroughTheSteps()
    {
        var first = await StartAsync("onSuccess");
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.ReconcileAsync();

        await SetLegacyImageAsync("legacy:2");
        var second = RevisionHash.Compute(KubeJson.ToObject((await LegacyAsync()).Spec.Template));
        Assert.NotEqual(first, second);

        // Replica-ratio canary: 50% is 2 of 4 pods; the indefinite pause then holds the rollout.
        var paused = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused, 8);
        Assert.Equal(second, paused.Status!.CanaryRevision);
        Assert.Equal(first, paused.Status.StableRevision);
        Assert.Equal(1, paused.Status.CurrentStepIndex);
        Assert.Equal(2, (await RevisionAsync(second)).Spec.Replicas);
        Assert.Equal("legacy:2", (await RevisionAsync(second)).Spec.Template.Spec.Containers.Single().Image);
        Assert.Equal(2, (await RevisionAsync(first)).Spec.Replicas);
        Assert.Equal("legacy:1", (await RevisionAsync(first)).Spec.Template.Spec.Containers.Single().Image);

        await _h.CommandAsync("promote", second, "cmd-1");
        var promoted = await _h.ReconcileUntilAsync(r => r.Status?.StableRevision == second && r.Status.Phase == RolloutPhase.Healthy, 8);
        Assert.Null(promoted.Status!.CanaryRevision);
        Assert.Equal(second, (await _h.SelectorOfAsync("web-stable"))[ApiGroup.RevisionLabel]);
        Assert.Equal(0, (await LegacyAsync()).Spec.Replicas);
    }

    /// <summary>Creates the Services, legacy (4 × legacy:1) and the Rollout; returns the revision legacy's template names.</summary>
    private async Task<string> StartAsync(string scaleDown)
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await CreateLegacyAsync("legacy:1");
        await _h.CreateRolloutAsync(Manifest(scaleDown));
        return RevisionHash.Compute(KubeJson.ToObject((await LegacyAsync()).Spec.Template));
    }

    private JsonObject Manifest(string scaleDown)
    {
        var manifest = RolloutManifests.Canary(_h.Namespace, "unused", """[{"setWeight":50},{"pause":{}}]""", Replicas);
        var spec = manifest["spec"]!.AsObject();
        spec.Remove("template");
        spec.Remove("selector");
        spec["workloadRef"] = new JsonObject { ["name"] = Legacy, ["scaleDown"] = scaleDown };
        return manifest;
    }

    private async Task CreateLegacyAsync(string image)
    {
        var labels = new Dictionary<string, string> { ["app"] = "legacy" };
        var deployment = new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = Legacy, Labels = new Dictionary<string, string> { ["app"] = "legacy", ["team"] = "payments-legacy" } },
            Spec = new V1DeploymentSpec
            {
                Replicas = Replicas,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] },
                },
            },
        };
        await _h.Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, _h.Namespace, cancellationToken: ControllerHarness.Ct);
    }

    private async Task SetLegacyImageAsync(string image)
    {
        var patch = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"web"}]}}}}""")!;
        patch["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = image;
        await _h.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Legacy, _h.Namespace, cancellationToken: ControllerHarness.Ct);
    }

    /// <summary>Writes the revision Deployment's status the way the Deployment controller would for a partial rollout.</summary>
    private async Task SetAvailableAsync(string revision, int available)
    {
        var deployment = await RevisionAsync(revision);
        var patch = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["observedGeneration"] = deployment.Metadata.Generation,
                ["replicas"] = deployment.Spec.Replicas,
                ["readyReplicas"] = available,
                ["availableReplicas"] = available,
            },
        };
        await _h.Client.AppsV1.PatchNamespacedDeploymentStatusAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), deployment.Metadata.Name, _h.Namespace, cancellationToken: ControllerHarness.Ct);
    }

    /// <summary>Pods available across legacy (at most its current scale) and the revision.</summary>
    private async Task<int> AvailableInTotalAsync(string revision)
    {
        var legacy = await LegacyAsync();
        var legacyAvailable = Math.Min(legacy.Spec.Replicas ?? 0, legacy.Status?.AvailableReplicas ?? 0);
        return legacyAvailable + ((await RevisionAsync(revision)).Status?.AvailableReplicas ?? 0);
    }

    private int Writes(Func<RolloutOperator.ApiEmulator.Http.RequestRecord, bool> predicate) =>
        _h.Emulator.Requests.Writes().Count(w => w.Request.Resource == "deployments" && predicate(w));

    private Task<V1Deployment> LegacyAsync() =>
        _h.Client.AppsV1.ReadNamespacedDeploymentAsync(Legacy, _h.Namespace, cancellationToken: ControllerHarness.Ct);

    private async Task<V1Deployment> RevisionAsync(string revision) =>
        (await _h.DeploymentsAsync()).Single(d => d.Metadata.Name == $"web-{revision}");
}
