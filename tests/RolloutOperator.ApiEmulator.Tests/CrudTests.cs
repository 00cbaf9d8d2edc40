using System.Net;
using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class CrudTests
{
    [Fact]
    public async Task Create_NewConfigMap_AssignsSystemMetadata()
    {
        await using var h = await StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);
        Assert.True(long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(1, created.Metadata.Generation);
        var read = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);
        Assert.Equal("value", read.Data["key"]);
    }

    [Fact]
    public async Task Create_ExistingName_Returns409AlreadyExists()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        var error = await ExpectError(() => h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("AlreadyExists", status.Reason);
        Assert.Equal(409, status.Code);
    }

    [Fact]
    public async Task Create_MissingNamespace_Returns404()
    {
        await using var h = await StartAsync();

        var error = await ExpectError(() => h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "nope", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal("namespaces \"nope\" not found", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
    }

    [Fact]
    public async Task Create_GenerateName_AppendsRandomSuffix()
    {
        await using var h = await StartAsync();
        var cm = ConfigMap(null!);
        cm.Metadata.GenerateName = "gen-";

        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default", cancellationToken: Ct);

        Assert.StartsWith("gen-", created.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal(9, created.Metadata.Name.Length);
    }

    [Fact]
    public async Task Replace_StaleResourceVersion_Returns409Conflict()
    {
        await using var h = await StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        created.Data["key"] = "v2";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default", cancellationToken: Ct);

        created.Data["key"] = "v3";
        var error = await ExpectError(() => h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Equal("Conflict", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Reason);
    }

    [Fact]
    public async Task Replace_WithoutResourceVersion_UpdatesUnconditionally()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);
        var blind = ConfigMap("a");
        blind.Data["key"] = "blind";

        var replaced = await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(blind, "a", "default", cancellationToken: Ct);

        Assert.Equal("blind", replaced.Data["key"]);
    }

    [Fact]
    public async Task Replace_NoChange_KeepsResourceVersion()
    {
        await using var h = await StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        var replaced = await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default", cancellationToken: Ct);

        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Delete_NoFinalizers_RemovesObject()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct);

        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);

        var error = await ExpectError(() => h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        Assert.Equal("NotFound", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Reason);
    }

    [Fact]
    public async Task Namespace_Default_ExistsAtStartup()
    {
        await using var h = await StartAsync();

        var namespaces = await h.Client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);

        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "kube-system");
    }

    [Fact]
    public async Task Kubeconfig_Written_ClientCanConnect()
    {
        await using var h = await StartAsync();
        var path = Path.GetTempFileName();
        try
        {
            h.Emulator.WriteKubeconfig(path);
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: "emulator");
            using var client = new Kubernetes(config);

            var list = await client.CoreV1.ListNamespaceAsync(cancellationToken: Ct);

            Assert.NotEmpty(list.Items);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
