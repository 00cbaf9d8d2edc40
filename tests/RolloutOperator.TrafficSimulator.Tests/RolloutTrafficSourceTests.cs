using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.TrafficSimulator.Tests;

public sealed class RolloutTrafficSourceTests : IAsyncLifetime, IDisposable
{
    private ApiServerEmulator _emulator = null!;
    private Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await _emulator.InstallCustomResourceDefinitionsAsync(RolloutOperator.Testing.TestPaths.Crds, CancellationToken.None);
        _client = new Kubernetes(_emulator.CreateClientConfiguration());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Read_CanaryMidStep_TakesWeightsFromStatusAndBehaviourFromEachRevisionsDeployment()
    {
        await CreateRolloutAsync(Template("0"), new RolloutStatus { StableRevision = "s1", CanaryRevision = "c1", Traffic = new TrafficStatus { DesiredWeight = 25, ObservedWeight = 25 } });
        await CreateDeploymentAsync("checkout-s1", "s1", Template("0"));
        await CreateDeploymentAsync("checkout-c1", "c1", Template("0.2", latencyMs: "300"));

        var snapshot = await new RolloutTrafficSource(_client, "default", "checkout").ReadAsync(CancellationToken.None);

        Assert.Equal(
            [new RevisionTraffic("s1", 75, RevisionBehaviour.Healthy), new RevisionTraffic("c1", 25, new RevisionBehaviour(0.2, TimeSpan.FromMilliseconds(300)))],
            snapshot.Revisions);
    }

    [Fact]
    public async Task Read_DeploymentNamedOtherwise_IsFoundByItsRevisionLabel()
    {
        await CreateRolloutAsync(Template("0"), new RolloutStatus { StableRevision = "s1" });
        await CreateDeploymentAsync("legacy-name", "s1", Template("0.5"));

        var snapshot = await new RolloutTrafficSource(_client, "default", "checkout").ReadAsync(CancellationToken.None);

        Assert.Equal(0.5, Assert.Single(snapshot.Revisions).Behaviour.ErrorRate);
    }

    [Fact]
    public async Task Read_NoDeploymentYet_UsesTheRolloutTemplateForItsOwnRevision()
    {
        var template = Template("0.1");
        await CreateRolloutAsync(template, status: null);

        var snapshot = await new RolloutTrafficSource(_client, "default", "checkout").ReadAsync(CancellationToken.None);

        var only = Assert.Single(snapshot.Revisions);
        Assert.Equal((RevisionHash.Compute(template), 100.0, 0.1), (only.Revision, only.Weight, only.Behaviour.ErrorRate));
    }

    [Fact]
    public async Task Read_RolloutMissing_IsAnEmptySplit()
    {
        var snapshot = await new RolloutTrafficSource(_client, "default", "absent").ReadAsync(CancellationToken.None);

        Assert.Empty(snapshot.Revisions);
    }

    private async Task CreateRolloutAsync(JsonObject template, RolloutStatus? status)
    {
        var spec = new RolloutSpec
        {
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "checkout" } },
            Template = template,
            Strategy = new RolloutStrategy { Canary = new CanaryStrategy { Steps = [] } },
        };
        var body = JsonSerializer.SerializeToNode(new { apiVersion = ApiGroup.ApiVersion, kind = "Rollout", metadata = new { name = "checkout" }, spec }, ApiJson.Options);
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(body, ApiGroup.Name, ApiGroup.Version, "default", "rollouts");
        if (status is not null)
        {
            var patch = new V1Patch(JsonSerializer.Serialize(new { status }, ApiJson.Options), V1Patch.PatchType.MergePatch);
            await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(patch, ApiGroup.Name, ApiGroup.Version, "default", "rollouts", "checkout");
        }
    }

    private async Task CreateDeploymentAsync(string name, string revision, JsonObject template)
    {
        var labels = new Dictionary<string, string> { ["app"] = "checkout", ["rollout-operator.io/revision"] = revision };
        var pod = KubernetesJson.Deserialize<V1PodTemplateSpec>(template.ToJsonString());
        pod.Metadata = new V1ObjectMeta { Labels = labels };
        await _client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment { Metadata = new V1ObjectMeta { Name = name, Labels = labels }, Spec = new V1DeploymentSpec { Selector = new V1LabelSelector { MatchLabels = labels }, Template = pod } },
            "default");
    }

    private static JsonObject Template(string errorRate, string latencyMs = "0") => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "checkout" } },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "app:1",
                ["env"] = new JsonArray(
                    new JsonObject { ["name"] = "SIM_ERROR_RATE", ["value"] = errorRate },
                    new JsonObject { ["name"] = "SIM_LATENCY_MS", ["value"] = latencyMs }),
            }),
        },
    };
}
