using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class CrdSchemaTests
{
    private const string Group = "gateway.networking.k8s.io";

    private static JsonObject Route(string name) => new()
    {
        ["apiVersion"] = $"{Group}/v1",
        ["kind"] = "HTTPRoute",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["parentRefs"] = new JsonArray(new JsonObject { ["name"] = "gw" }),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["backendRefs"] = new JsonArray(
                    new JsonObject { ["name"] = "stable", ["port"] = 80, ["weight"] = 90 },
                    new JsonObject { ["name"] = "canary", ["port"] = 80, ["weight"] = 10 }),
            }),
        },
    };

    private static async Task<EmulatorHarness> WithGatewayApiAsync()
    {
        var h = await StartAsync();
        await h.Emulator.InstallCustomResourceDefinitionsAsync(GatewayCrds, Ct);
        return h;
    }

    private static JsonNode Node(object response) => JsonNode.Parse(((JsonElement)response).GetRawText())!;

    [Fact]
    public async Task Create_ValidHttpRoute_AppliesSchemaDefaults()
    {
        await using var h = await WithGatewayApiAsync();

        var created = Node(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Route("r"), Group, "v1", "default", "httproutes", cancellationToken: Ct));

        Assert.Equal("Gateway", created["spec"]!["parentRefs"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(Group, created["spec"]!["parentRefs"]![0]!["group"]!.GetValue<string>());
        Assert.Equal("Service", created["spec"]!["rules"]![0]!["backendRefs"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_InvalidHttpRoute_Returns422WithFieldCauses()
    {
        await using var h = await WithGatewayApiAsync();
        var route = Route("r");
        route["spec"]!["rules"]![0]!["backendRefs"]![0]!["port"] = 70000;
        ((JsonObject)route["spec"]!["parentRefs"]![0]!).Remove("name");

        var error = await ExpectError(() => h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, Group, "v1", "default", "httproutes", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("Invalid", status.Reason);
        Assert.Equal("HTTPRoute", status.Details.Kind);
        Assert.Contains(status.Details.Causes, c => c.Field == "spec.parentRefs[0].name" && c.Reason == "FieldValueRequired");
        Assert.Contains(status.Details.Causes, c => c.Field == "spec.rules[0].backendRefs[0].port");
    }

    [Fact]
    public async Task Create_HeaderMatch_PatternWithDollarInCharacterClassIsHonoured()
    {
        // The header-name pattern has "$" inside [...]: a literal there, not an end anchor.
        await using var h = await WithGatewayApiAsync();
        var route = Route("r");
        route["spec"]!["rules"]![0]!["matches"] = new JsonArray(new JsonObject
        {
            ["headers"] = new JsonArray(new JsonObject { ["name"] = "x-canary$", ["value"] = "1" }),
        });

        var created = Node(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, Group, "v1", "default", "httproutes", cancellationToken: Ct));

        Assert.Equal("x-canary$", created["spec"]!["rules"]![0]!["matches"]![0]!["headers"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_UnknownField_IsPruned()
    {
        await using var h = await WithGatewayApiAsync();
        var route = Route("r");
        route["spec"]!["bogus"] = "x";
        route["extraTopLevel"] = 1;

        var created = Node(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, Group, "v1", "default", "httproutes", cancellationToken: Ct));

        Assert.Null(created["spec"]!["bogus"]);
        Assert.Null(created["extraTopLevel"]);
    }

    [Fact]
    public async Task StrategicMergePatch_CustomResource_Returns415()
    {
        await using var h = await WithGatewayApiAsync();
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Route("r"), Group, "v1", "default", "httproutes", cancellationToken: Ct);

        var error = await ExpectError(() => h.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{}}", V1Patch.PatchType.StrategicMergePatch), Group, "v1", "default", "httproutes", "r", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, error.Response.StatusCode);
    }

    [Fact]
    public async Task PatchStatus_CustomResource_ChangesOnlyStatus()
    {
        await using var h = await WithGatewayApiAsync();
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Route("r"), Group, "v1", "default", "httproutes", cancellationToken: Ct);
        var patch = "{\"spec\":{\"hostnames\":[\"x.example.com\"]},\"status\":{\"parents\":[]}}";

        var patched = Node(await h.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(patch, V1Patch.PatchType.MergePatch), Group, "v1", "default", "httproutes", "r", cancellationToken: Ct));

        Assert.Null(patched["spec"]!["hostnames"]);
        Assert.NotNull(patched["status"]!["parents"]);
        Assert.Equal(1, patched["metadata"]!["generation"]!.GetValue<long>());
    }

    [Fact]
    public async Task Install_GatewayCrds_AreEstablishedAndListed()
    {
        await using var h = await WithGatewayApiAsync();

        var crd = await h.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync($"httproutes.{Group}", cancellationToken: Ct);
        var list = await h.Client.CustomObjects.ListNamespacedCustomObjectAsync(Group, "v1", "default", "httproutes", cancellationToken: Ct);

        Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        Assert.Equal("HTTPRouteList", Node(list)["kind"]!.GetValue<string>());
    }
}
