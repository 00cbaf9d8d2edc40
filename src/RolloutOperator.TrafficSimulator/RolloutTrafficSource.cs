using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using RolloutOperator.Core.Api;

namespace RolloutOperator.TrafficSimulator;

/// <summary>
/// Reads the Rollout and, per revision, the pod template that decides its behaviour: the revision's Deployment
/// (<c>&lt;rollout&gt;-&lt;revision&gt;</c>, else any Deployment labelled with the revision), else the Rollout's own
/// template when the revision is the spec's. A revision's template never changes (the revision is its hash), so a found
/// behaviour is cached for good.
/// </summary>
public sealed class RolloutTrafficSource(IKubernetes client, string @namespace, string rollout) : ITrafficSource
{
    public const string RevisionLabel = "rollout-operator.io/revision";

    private readonly ConcurrentDictionary<string, RevisionBehaviour> _behaviours = new(StringComparer.Ordinal);

    public async Task<TrafficSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var resource = await ReadRolloutAsync(cancellationToken).ConfigureAwait(false);
        if (resource?.Spec is not { } spec)
        {
            return TrafficSnapshot.None;
        }

        var revisions = new List<RevisionTraffic>();
        foreach (var (revision, weight) in TrafficSplit.Of(spec, resource.Status))
        {
            revisions.Add(new RevisionTraffic(revision, weight, await BehaviourAsync(spec, revision, cancellationToken).ConfigureAwait(false)));
        }

        return new TrafficSnapshot(revisions);
    }

    private async Task<ResourceEnvelope<RolloutSpec, RolloutStatus>?> ReadRolloutAsync(CancellationToken cancellationToken)
    {
        try
        {
            var raw = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(
                ApiGroup.Name, ApiGroup.Version, @namespace, CustomResources.Rollout.Plural, rollout, cancellationToken).ConfigureAwait(false);
            return raw.Deserialize<ResourceEnvelope<RolloutSpec, RolloutStatus>>(ApiJson.Options);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<RevisionBehaviour> BehaviourAsync(RolloutSpec spec, string revision, CancellationToken cancellationToken)
    {
        if (_behaviours.TryGetValue(revision, out var known))
        {
            return known;
        }

        var template = await DeploymentTemplateAsync(revision, cancellationToken).ConfigureAwait(false)
            ?? (TrafficSplit.SpecRevision(spec) == revision ? spec.Template : null);
        if (template is null)
        {
            return RevisionBehaviour.Healthy;
        }

        return _behaviours[revision] = RevisionBehaviour.FromPodTemplate(template);
    }

    private async Task<JsonNode?> DeploymentTemplateAsync(string revision, CancellationToken cancellationToken)
    {
        try
        {
            var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync($"{rollout}-{revision}", @namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            return JsonNode.Parse(KubernetesJson.Serialize(deployment.Spec.Template));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            var list = await client.AppsV1.ListNamespacedDeploymentAsync(@namespace, labelSelector: $"{RevisionLabel}={revision}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return list.Items.FirstOrDefault() is { } labelled ? JsonNode.Parse(KubernetesJson.Serialize(labelled.Spec.Template)) : null;
        }
    }
}
