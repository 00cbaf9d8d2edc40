using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>
/// Puts a canary Rollout mid-step into the API (status written directly, as the operator would) with one Deployment per
/// revision whose SIM_* env vars decide how the traffic simulator makes it behave.
/// </summary>
internal static class SimulatedRollout
{
    public const string Name = "checkout";
    public const string Namespace = "default";
    public const string StableRevision = "5ab1e00001";
    public const string CanaryRevision = "c0ffee0001";

    public static async Task<Rollout> CreateAsync(IKubernetes client, int canaryWeight, double canaryErrorRate, CancellationToken cancellationToken)
    {
        var rollout = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace },
            Spec = new RolloutSpec
            {
                Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = Name } },
                Template = PodTemplate(0),
                Strategy = new RolloutStrategy { Canary = new CanaryStrategy { StableService = "checkout-stable", CanaryService = "checkout-canary", Steps = [] } },
            },
            Status = new RolloutStatus
            {
                StableRevision = StableRevision,
                CanaryRevision = CanaryRevision,
                Traffic = new TrafficStatus { DesiredWeight = canaryWeight, ObservedWeight = canaryWeight },
            },
        };
        var body = JsonSerializer.SerializeToNode(new { apiVersion = ApiGroup.ApiVersion, kind = Rollout.KindName, metadata = new { name = Name }, spec = rollout.Spec }, ApiJson.Options);
        await client.CustomObjects.CreateNamespacedCustomObjectAsync(body, ApiGroup.Name, ApiGroup.Version, Namespace, CustomResources.Rollout.Plural, cancellationToken: cancellationToken);
        var status = JsonSerializer.Serialize(new { status = rollout.Status }, ApiJson.Options);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(status, V1Patch.PatchType.MergePatch), ApiGroup.Name, ApiGroup.Version, Namespace, CustomResources.Rollout.Plural, Name, cancellationToken: cancellationToken);
        await CreateDeploymentAsync(client, StableRevision, 0, cancellationToken);
        await CreateDeploymentAsync(client, CanaryRevision, canaryErrorRate, cancellationToken);
        return rollout;
    }

    private static async Task CreateDeploymentAsync(IKubernetes client, string revision, double errorRate, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string> { ["app"] = Name, ["rollout-operator.io/revision"] = revision };
        var template = KubernetesJson.Deserialize<V1PodTemplateSpec>(PodTemplate(errorRate).ToJsonString());
        template.Metadata = new V1ObjectMeta { Labels = labels };
        await client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment
            {
                Metadata = new V1ObjectMeta { Name = $"{Name}-{revision}", Labels = labels },
                Spec = new V1DeploymentSpec { Replicas = 1, Selector = new V1LabelSelector { MatchLabels = labels }, Template = template },
            },
            Namespace,
            cancellationToken: cancellationToken);
    }

    private static JsonObject PodTemplate(double errorRate) => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = Name } },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = "registry.example.com/checkout:1",
                ["env"] = new JsonArray(new JsonObject { ["name"] = "SIM_ERROR_RATE", ["value"] = errorRate.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            }),
        },
    };
}
