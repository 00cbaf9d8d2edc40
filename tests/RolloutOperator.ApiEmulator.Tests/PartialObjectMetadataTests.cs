using System.Net;
using System.Text.Json.Nodes;
using k8s;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>
/// Metadata-only reads as the API server serves them to a metadata client: the Accept header's
/// <c>as=PartialObjectMetadataList</c> (lists) and <c>as=PartialObjectMetadata</c> (get, watch) forms carry the whole
/// metadata and nothing else; ranges are tried in order; a form that cannot be served alone is refused with 406.
/// </summary>
public sealed class PartialObjectMetadataTests
{
    private const string Deployments = "apis/apps/v1/namespaces/default/deployments";
    private const string ListAccept = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
    private const string ObjectAccept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

    [Fact]
    public async Task List_AsPartialObjectMetadataList_ItemsCarryOnlyMetadata()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);

        var (code, list) = await GetAsync(h, Deployments, ListAccept);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(("PartialObjectMetadataList", "meta.k8s.io/v1"), ((string?)list["kind"], (string?)list["apiVersion"]));
        Assert.False(string.IsNullOrEmpty((string?)list["metadata"]?["resourceVersion"]));
        var item = Assert.Single(list["items"]!.AsArray())!.AsObject();
        Assert.Equal(["kind", "apiVersion", "metadata"], item.Select(p => p.Key));
        Assert.Equal("PartialObjectMetadata", (string?)item["kind"]);
        Assert.Equal("web", (string?)item["metadata"]?["name"]);
        Assert.Equal("web", (string?)item["metadata"]?["labels"]?["app"]);
        Assert.NotNull(item["metadata"]?["uid"]);
    }

    [Fact]
    public async Task Get_AsPartialObjectMetadata_NoSpecOrStatus()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);

        var (code, obj) = await GetAsync(h, Deployments + "/web", ObjectAccept);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("PartialObjectMetadata", (string?)obj["kind"]);
        Assert.Null(obj["spec"]);
        Assert.Null(obj["status"]);
        Assert.Equal("web", (string?)obj["metadata"]?["name"]);
    }

    [Fact]
    public async Task Watch_AsPartialObjectMetadata_EventsCarryOnlyMetadata()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = h.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Deployments}?watch=true&resourceVersion=0&timeoutSeconds=1");
        request.Headers.TryAddWithoutValidation("Accept", ObjectAccept);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var line = JsonNode.Parse((await reader.ReadLineAsync(Ct))!)!.AsObject();

        Assert.Equal("ADDED", (string?)line["type"]);
        var obj = line["object"]!.AsObject();
        Assert.Equal(["kind", "apiVersion", "metadata"], obj.Select(p => p.Key));
        Assert.Equal("web", (string?)obj["metadata"]?["name"]);
        Assert.False(string.IsNullOrEmpty((string?)obj["metadata"]?["resourceVersion"]));
    }

    [Fact]
    public async Task List_AsPartialObjectMetadataAlone_RefusedWith406()
    {
        await using var h = await StartAsync();

        var (code, status) = await GetAsync(h, Deployments, "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1");

        Assert.Equal(HttpStatusCode.NotAcceptable, code);
        Assert.Equal("NotAcceptable", (string?)status["reason"]);
    }

    [Fact]
    public async Task List_ObjectFormWithJsonFallback_ServesWholeObjects()
    {
        await using var h = await StartAsync();
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web"), "default", cancellationToken: Ct);

        var (code, list) = await GetAsync(h, Deployments, ObjectAccept);

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("DeploymentList", (string?)list["kind"]);
        Assert.NotNull(list["items"]![0]!["spec"]);
    }

    private static async Task<(HttpStatusCode Code, JsonObject Body)> GetAsync(EmulatorHarness h, string path, string accept)
    {
        using var http = new HttpClient { BaseAddress = h.Emulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject());
    }
}
