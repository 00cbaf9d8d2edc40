using System.Net;
using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class PatchTests
{
    [Fact]
    public async Task MergePatch_NullValue_RemovesKey()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        var patched = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("{\"data\":{\"key\":null,\"other\":\"x\"}}", V1Patch.PatchType.MergePatch), "a", "default", cancellationToken: Ct);

        Assert.Equal(new Dictionary<string, string> { ["other"] = "x" }, patched.Data);
    }

    [Fact]
    public async Task JsonPatch_FailingTestOp_Returns422AndLeavesObject()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        var patch = "[{\"op\":\"test\",\"path\":\"/data/key\",\"value\":\"wrong\"},{\"op\":\"replace\",\"path\":\"/data/key\",\"value\":\"new\"}]";

        var error = await ExpectError(() => h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), "a", "default", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var read = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);
        Assert.Equal("value", read.Data["key"]);
    }

    [Fact]
    public async Task JsonPatch_PassingTestOp_AppliesOperations()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        var patch = "[{\"op\":\"test\",\"path\":\"/data/key\",\"value\":\"value\"},{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"x\":\"y\"}}]";

        var patched = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(patch, V1Patch.PatchType.JsonPatch), "a", "default", cancellationToken: Ct);

        Assert.Equal("y", patched.Metadata.Labels["x"]);
    }

    [Fact]
    public async Task StrategicMergePatch_Containers_MergeByName()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);
        var patch = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"envoy:1\"}]}}}}";

        var patched = await h.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "web", "default", cancellationToken: Ct);

        Assert.Equal(["main", "sidecar"], patched.Spec.Template.Spec.Containers.Select(c => c.Name));
    }

    [Fact]
    public async Task Apply_MissingObject_CreatesItWithManagedFields()
    {
        await using var h = await StartAsync();
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"v\"}}";

        var applied = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct);

        Assert.Equal("v", applied.Data["k"]);
        var entry = Assert.Single(applied.Metadata.ManagedFields);
        Assert.Equal("tool-a", entry.Manager);
        Assert.Equal("Apply", entry.Operation);
    }

    [Fact]
    public async Task Apply_FieldOwnedByOtherManager_Returns409UnlessForced()
    {
        await using var h = await StartAsync();
        var mine = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"mine\"}}";
        var theirs = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"theirs\"}}";
        await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(mine, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct);

        var error = await ExpectError(() => h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(theirs, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-b", cancellationToken: Ct));
        var forced = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(theirs, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-b", force: true, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal(".data.k", Assert.Single(status.Details.Causes).Field);
        Assert.Equal("theirs", forced.Data["k"]);
        Assert.DoesNotContain(forced.Metadata.ManagedFields, m => m.Manager == "tool-a");
    }

    [Fact]
    public async Task Apply_SameValueByOtherManager_SharesOwnership()
    {
        await using var h = await StartAsync();
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"same\"}}";
        await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct);

        var applied = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-b", cancellationToken: Ct);

        Assert.Equal(["tool-a", "tool-b"], applied.Metadata.ManagedFields.Select(m => m.Manager).Order());
    }

    [Fact]
    public async Task Apply_OmittedPreviouslyAppliedField_RemovesIt()
    {
        await using var h = await StartAsync();
        var both = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"v\",\"gone\":\"soon\"}}";
        var one = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"k\":\"v\"}}";
        await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(both, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct);

        var applied = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(one, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-a", cancellationToken: Ct);

        Assert.Equal(["k"], applied.Data.Keys);
    }

    [Fact]
    public async Task Apply_ConflictWithUpdateManager_Returns409()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", fieldManager: "editor", cancellationToken: Ct);
        var body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"},\"data\":{\"key\":\"other\"}}";

        var error = await ExpectError(() => h.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch(body, V1Patch.PatchType.ApplyPatch), "a", "default", fieldManager: "tool-b", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
    }
}
