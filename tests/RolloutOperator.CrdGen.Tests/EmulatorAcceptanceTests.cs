using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator;
using RolloutOperator.CrdGen.Tests.Support;

namespace RolloutOperator.CrdGen.Tests;

/// <summary>The committed crds/ installed into the API emulator: accepted, established, and serving objects without pruning.</summary>
public sealed class EmulatorAcceptanceTests
{
    private const string Group = "apis/rollout-operator.io/v1alpha1/";

    [Fact]
    public async Task Emulator_AcceptsTheCrds_AndKeepsEverySampleRolloutField()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), ct);
        await emulator.InstallCustomResourceDefinitionsAsync(RepoPaths.Crds, ct);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };

        foreach (var info in Core.Api.CustomResources.All)
        {
            var crd = await GetAsync(http, $"apis/apiextensions.k8s.io/v1/customresourcedefinitions/{info.Plural}.rollout-operator.io", ct);
            Assert.Contains(crd["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "Established" && (string?)c["status"] == "True");
        }

        var spec = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "rollout.json"), ct))!;
        var created = await CreateAsync(http, Group + "namespaces/default/rollouts", "Rollout", spec, ct);

        Assert.True(IsSubset(spec, created["spec"]), "the server pruned or changed sample fields: " + created["spec"]!.ToJsonString());

        // Schema defaults are applied by the server, inside list items too.
        Assert.False((bool)created["spec"]!["strategy"]!["canary"]!["steps"]![4]!["analysis"]!["templates"]![0]!["clusterScope"]!);
    }

    [Fact]
    public async Task Emulator_ServesClusterAnalysisTemplates_AtClusterScope_WithDefaults()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), ct);
        await emulator.InstallCustomResourceDefinitionsAsync(RepoPaths.Crds, ct);
        using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
        var spec = JsonNode.Parse("""{"metrics":[{"name":"ok","successCondition":"result >= 0.99","provider":{"prometheus":{"query":"up"}}}]}""")!;

        var created = await CreateAsync(http, Group + "clusteranalysistemplates", "ClusterAnalysisTemplate", spec, ct);

        var metric = created["spec"]!["metrics"]![0]!;
        Assert.Equal("Retry", (string?)metric["noDataPolicy"]);
        Assert.Equal("1m", (string?)metric["interval"]);
        Assert.Equal(4, (int)metric["consecutiveErrorLimit"]!);
    }

    private static async Task<JsonNode> CreateAsync(HttpClient http, string path, string kind, JsonNode spec, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "rollout-operator.io/v1alpha1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "sample" },
            ["spec"] = spec.DeepClone(),
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> GetAsync(HttpClient http, string path, CancellationToken ct) =>
        JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), ct))!;

    /// <summary>Every field of <paramref name="expected"/> is in <paramref name="actual"/> with the same value; defaults may add more.</summary>
    private static bool IsSubset(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (JsonObject e, JsonObject a) => e.All(p => a.ContainsKey(p.Key) && IsSubset(p.Value, a[p.Key])),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Select((item, i) => IsSubset(item, a[i])).All(ok => ok),
        _ => JsonNode.DeepEquals(expected, actual),
    };
}
