using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Caching;

/// <summary>
/// Deployments without the operator's label are watched metadata only: the cache knows which exist and their versions,
/// never their spec; the one a Rollout names in spec.workloadRef is read whole on demand, once per version.
/// </summary>
public sealed class MetadataOnlyWorkloadsTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task WorkloadCache_UnreferencedDeployment_KnownWithoutSpecAndNeverReadWhole()
    {
        await _h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("unrelated", "other:1"), _h.Namespace, cancellationToken: ControllerHarness.Ct);

        await _h.SettleAsync();

        var cached = _h.Caches.Workloads.Find(_h.Namespace, "unrelated");
        Assert.NotNull(cached);
        Assert.Null(cached.Spec);
        Assert.Null(cached.Status);
        Assert.Null(cached.Metadata.Labels);
        Assert.Null(_h.Caches.WorkloadRefs.Find(_h.Namespace, "unrelated"));
    }

    [Fact]
    public async Task WorkloadRef_ReferencedDeployment_ReadWholeOncePerVersion()
    {
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("legacy", "legacy:1"), _h.Namespace, cancellationToken: ControllerHarness.Ct);
        await _h.CreateRolloutAsync(Manifest());
        await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        Assert.Equal("legacy:1", Image(_h.Caches.WorkloadRefs.Find(_h.Namespace, "legacy")));

        var readsBefore = Reads();
        await _h.ReconcileAsync();
        await _h.ReconcileAsync();
        Assert.Equal(readsBefore, Reads());

        var patch = JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"legacy:2"}]}}}}""")!;
        await _h.Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), "legacy", _h.Namespace, cancellationToken: ControllerHarness.Ct);
        await _h.ReconcileAsync();

        Assert.Equal(readsBefore + 1, Reads());
        Assert.Equal("legacy:2", Image(_h.Caches.WorkloadRefs.Find(_h.Namespace, "legacy")));
        Assert.Null(_h.Caches.Workloads.Find(_h.Namespace, "legacy")!.Spec);
    }

    private int Reads() => _h.Emulator.Requests.Where(r =>
        r.Request.Verb == "get" && r.Request.Resource == "deployments" && r.Request.Name == "legacy" && r.Request.Namespace == _h.Namespace).Count;

    private static string? Image(V1Deployment? deployment) => deployment?.Spec?.Template?.Spec?.Containers?.Single().Image;

    private JsonObject Manifest()
    {
        var manifest = RolloutManifests.Canary(_h.Namespace, "unused", """[{"setWeight":50},{"pause":{}}]""", 2);
        var spec = manifest["spec"]!.AsObject();
        spec.Remove("template");
        spec.Remove("selector");
        spec["workloadRef"] = new JsonObject { ["name"] = "legacy", ["scaleDown"] = "never" };
        return manifest;
    }

    private static V1Deployment Deployment(string name, string image)
    {
        var labels = new Dictionary<string, string> { ["app"] = name };
        return new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1DeploymentSpec
            {
                Replicas = 2,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] },
                },
            },
        };
    }
}
