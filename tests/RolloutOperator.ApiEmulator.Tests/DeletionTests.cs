using System.Net;
using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class DeletionTests
{
    [Fact]
    public async Task Delete_WithFinalizer_SetsDeletionTimestampUntilFinalizerRemoved()
    {
        await using var h = await StartAsync();
        var cm = ConfigMap("a");
        cm.Metadata.Finalizers = ["example.com/cleanup"];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);
        var terminating = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);
        terminating.Metadata.Finalizers = [];
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(terminating, "a", "default", cancellationToken: Ct);

        Assert.NotNull(terminating.Metadata.DeletionTimestamp);
        var error = await ExpectError(() => h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
    }

    [Fact]
    public async Task Delete_Owner_CascadesToDependentsInBackground()
    {
        await using var h = await StartAsync();
        var owner = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner"), "default", cancellationToken: Ct);
        var child = Deployment("child");
        child.Metadata.OwnerReferences = [Owner("v1", "ConfigMap", "owner", owner.Metadata.Uid, controller: true)];
        var child2 = ConfigMap("grandchild");
        var createdChild = await h.Client.AppsV1.CreateNamespacedDeploymentAsync(child, "default", cancellationToken: Ct);
        child2.Metadata.OwnerReferences = [Owner("apps/v1", "Deployment", "child", createdChild.Metadata.Uid)];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(child2, "default", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", cancellationToken: Ct);

        Assert.Empty((await h.Client.AppsV1.ListNamespacedDeploymentAsync("default", cancellationToken: Ct)).Items);
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Delete_OwnerWithOrphanPolicy_KeepsDependentsWithoutOwnerReference()
    {
        await using var h = await StartAsync();
        var owner = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner"), "default", cancellationToken: Ct);
        var child = ConfigMap("child");
        child.Metadata.OwnerReferences = [Owner("v1", "ConfigMap", "owner", owner.Metadata.Uid)];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(child, "default", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Orphan", cancellationToken: Ct);

        var remaining = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
        var survivor = Assert.Single(remaining.Items);
        Assert.Equal("child", survivor.Metadata.Name);
        Assert.Null(survivor.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Delete_OwnerWithForegroundPolicy_RemovesDependentsThenOwner()
    {
        await using var h = await StartAsync();
        var owner = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("owner"), "default", cancellationToken: Ct);
        var child = ConfigMap("child");
        child.Metadata.OwnerReferences = [Owner("v1", "ConfigMap", "owner", owner.Metadata.Uid, block: true)];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(child, "default", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("owner", "default", propagationPolicy: "Foreground", cancellationToken: Ct);

        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct)).Items);
    }

    [Fact]
    public async Task Delete_Namespace_RemovesItsContents()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "team", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespaceAsync("team", cancellationToken: Ct);

        var namespaces = await h.Client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);
        Assert.DoesNotContain(namespaces.Items, n => n.Metadata.Name == "team");
        Assert.DoesNotContain((await h.Client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: Ct)).Items, c => c.Metadata.NamespaceProperty == "team");
    }

    [Fact]
    public async Task Delete_Namespace_WhoseObjectsOwnOthers_RemovesEverythingAndTheNamespace()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, cancellationToken: Ct);
        // Deleting the owner cascades to its dependents while the namespace's contents are being deleted one by one.
        var owner = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a-owner"), "team", cancellationToken: Ct);
        // Same kind, so the namespace is emptied in name order: the owner, then its (already collected) dependent, then the rest.
        var child = ConfigMap("b-child");
        child.Metadata.OwnerReferences = [Owner("v1", "ConfigMap", "a-owner", owner.Metadata.Uid, controller: true)];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(child, "team", cancellationToken: Ct);
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("c-other"), "team", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("d-other"), "team", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespaceAsync("team", cancellationToken: Ct);

        var namespaces = await h.Client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);
        Assert.DoesNotContain(namespaces.Items, n => n.Metadata.Name == "team");
        Assert.DoesNotContain((await h.Client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: Ct)).Items, c => c.Metadata.NamespaceProperty == "team");
        Assert.DoesNotContain((await h.Client.AppsV1.ListDeploymentForAllNamespacesAsync(cancellationToken: Ct)).Items, d => d.Metadata.NamespaceProperty == "team");
    }

    [Fact]
    public async Task Delete_Namespace_WithEvents_RemovesThemAndTheNamespace()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } }, cancellationToken: Ct);
        var body = "{\"apiVersion\":\"events.k8s.io/v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"e1\"},\"eventTime\":\"2025-01-01T00:00:00.000001Z\","
            + "\"reason\":\"Promoted\",\"action\":\"Promote\",\"type\":\"Normal\",\"reportingController\":\"rollouts.example.com/controller\",\"reportingInstance\":\"pod-1\","
            + "\"regarding\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"name\":\"a\",\"namespace\":\"team\"}}";
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            System.Text.Json.JsonDocument.Parse(body).RootElement, "events.k8s.io", "v1", "team", "events", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "team", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespaceAsync("team", cancellationToken: Ct);

        var namespaces = await h.Client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);
        Assert.DoesNotContain(namespaces.Items, n => n.Metadata.Name == "team");
        Assert.DoesNotContain((await h.Client.EventsV1.ListEventForAllNamespacesAsync(cancellationToken: Ct)).Items, e => e.Metadata.NamespaceProperty == "team");
    }

    private static V1OwnerReference Owner(string apiVersion, string kind, string name, string uid, bool? controller = null, bool? block = null) =>
        new() { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid, Controller = controller, BlockOwnerDeletion = block };
}
