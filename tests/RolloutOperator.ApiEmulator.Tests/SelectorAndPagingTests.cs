using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class SelectorAndPagingTests
{
    private static async Task SeedAsync(EmulatorHarness h)
    {
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a", new Dictionary<string, string> { ["tier"] = "web", ["env"] = "prod" }), "default", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("b", new Dictionary<string, string> { ["tier"] = "db", ["env"] = "prod" }), "default", cancellationToken: Ct);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("c", new Dictionary<string, string> { ["tier"] = "web" }), "default", cancellationToken: Ct);
    }

    [Theory]
    [InlineData("tier=web", "a,c")]
    [InlineData("tier==web", "a,c")]
    [InlineData("tier!=web", "b")]
    [InlineData("tier in (db,cache)", "b")]
    [InlineData("tier notin (db)", "a,c")]
    [InlineData("env", "a,b")]
    [InlineData("!env", "c")]
    [InlineData("tier=web,env=prod", "a")]
    public async Task List_LabelSelector_ReturnsMatchingObjects(string selector, string expected)
    {
        await using var h = await StartAsync();
        await SeedAsync(h);

        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: selector, cancellationToken: Ct);

        Assert.Equal(expected, string.Join(",", list.Items.Select(i => i.Metadata.Name)));
    }

    [Fact]
    public async Task List_FieldSelectorOnName_ReturnsThatObject()
    {
        await using var h = await StartAsync();
        await SeedAsync(h);

        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name=b", cancellationToken: Ct);

        Assert.Equal("b", Assert.Single(list.Items).Metadata.Name);
    }

    [Fact]
    public async Task List_UnsupportedFieldSelector_Returns400()
    {
        await using var h = await StartAsync();

        var error = await ExpectError(() => h.Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "data.key=x", cancellationToken: Ct));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Response.StatusCode);
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughAllObjects()
    {
        await using var h = await StartAsync();
        await SeedAsync(h);

        var first = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, cancellationToken: Ct);
        var second = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Ct);

        Assert.Equal(["a", "b"], first.Items.Select(i => i.Metadata.Name));
        Assert.Equal(1, first.Metadata.RemainingItemCount);
        Assert.Equal(["c"], second.Items.Select(i => i.Metadata.Name));
        Assert.Null(second.Metadata.ContinueProperty);
        Assert.False(string.IsNullOrEmpty(first.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task List_AllNamespaces_IncludesEveryNamespace()
    {
        await using var h = await StartAsync();
        await SeedAsync(h);
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("z"), "kube-system", cancellationToken: Ct);

        var list = await h.Client.CoreV1.ListConfigMapForAllNamespacesAsync(cancellationToken: Ct);

        Assert.Equal(4, list.Items.Count);
    }
}
