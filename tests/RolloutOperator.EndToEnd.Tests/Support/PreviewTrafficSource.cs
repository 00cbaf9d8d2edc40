using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using RolloutOperator.Core.Api;
using RolloutOperator.TrafficSimulator;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>
/// Blue/green: production traffic goes to the active revision (as the simulator does), plus a share of smoke-test traffic
/// sent through the preview Service to the new revision while it waits for promotion — what a pre-promotion analysis
/// measures. The preview revision behaves as its Deployment's SIM_* env vars say.
/// </summary>
internal sealed class PreviewTrafficSource(IKubernetes client, string @namespace, string rollout, double previewWeight) : ITrafficSource
{
    private readonly RolloutTrafficSource _production = new(client, @namespace, rollout);

    public async Task<TrafficSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var production = await _production.ReadAsync(cancellationToken);
        var status = await StatusAsync(cancellationToken);
        var active = status?.BlueGreen?.ActiveRevision ?? status?.StableRevision;
        if (status?.CanaryRevision is not { } preview || preview == active || production.Revisions.Count == 0
            || await TemplateAsync(preview, cancellationToken) is not { } template)
        {
            return production;
        }

        var scaled = production.Revisions.Select(r => r with { Weight = r.Weight * (100 - previewWeight) / 100 });
        return new TrafficSnapshot([.. scaled, new RevisionTraffic(preview, previewWeight, RevisionBehaviour.FromPodTemplate(template))]);
    }

    private async Task<RolloutStatus?> StatusAsync(CancellationToken cancellationToken)
    {
        var raw = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(
            ApiGroup.Name, ApiGroup.Version, @namespace, "rollouts", rollout, cancellationToken);
        return raw.TryGetProperty("status", out var status) ? status.Deserialize<RolloutStatus>(ApiJson.Options) : null;
    }

    private async Task<JsonNode?> TemplateAsync(string revision, CancellationToken cancellationToken)
    {
        try
        {
            var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync($"{rollout}-{revision}", @namespace, cancellationToken: cancellationToken);
            return JsonNode.Parse(KubernetesJson.Serialize(deployment.Spec.Template));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
