using k8s;
using k8s.Models;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Caching;

/// <summary>Revision Deployments are watched with a label selector: an unrelated Deployment never reaches their informer.</summary>
public sealed class LabelSelectedWatchTests : IAsyncLifetime
{
    private ControllerHarness _h = null!;

    public async Task InitializeAsync() => _h = await ControllerHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RevisionInformer_UnrelatedDeploymentInNamespace_NeverReceivesIt()
    {
        await _h.Client.AppsV1.CreateNamespacedDeploymentAsync(Unrelated(_h.Namespace), _h.Namespace);
        await _h.CreateServicesAsync("web-stable", "web-canary");
        await _h.CreateRolloutAsync(RolloutManifests.Canary(_h.Namespace, "web:1"));

        var healthy = await _h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await _h.SettleAsync();

        var revision = Assert.Single(_h.Caches.Deployments.List(_h.Namespace));
        Assert.Equal(healthy.Status!.StableRevision, revision.Metadata.Labels[ApiGroup.RevisionLabel]);
        Assert.Equal("unrelated", Assert.Single(_h.Caches.Workloads.List(_h.Namespace)).Metadata.Name);
        var informerRequests = _h.Emulator.Requests.For("deployments")
            .Where(r => r.Query.Contains("watch=true", StringComparison.Ordinal) || r.Query.Contains("limit=", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(informerRequests);
        Assert.All(informerRequests, r => Assert.Contains("labelSelector=", r.Query, StringComparison.Ordinal));
        var selectors = informerRequests.Select(r => Uri.UnescapeDataString(r.Query)).ToList();
        Assert.Contains(selectors, q => q.Contains("labelSelector=" + RolloutInformers.RevisionSelector, StringComparison.Ordinal));
    }

    private static V1Deployment Unrelated(string ns) => new()
    {
        Metadata = new V1ObjectMeta { Name = "unrelated", NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = "other" } },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "other" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "other" } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "other", Image = "other:1" }] },
            },
        },
    };
}
