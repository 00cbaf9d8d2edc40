using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Workloads;

/// <summary>Writes revision Deployments: server-side apply of the owned fields (force: the operator is their only owner), and delete.</summary>
internal sealed class RevisionWriter
{
    private readonly IKubernetes _client;

    public RevisionWriter(IKubernetes client) => _client = client;

    public Task ApplyAsync(Rollout rollout, string revision, int replicas, RevisionWorkload workload, CancellationToken cancellationToken) =>
        PatchAsync(rollout, revision, RevisionDeploymentManifest.Build(rollout, revision, replicas, workload), cancellationToken);

    /// <summary>A judge's baseline: the stable template under the revision label <c>&lt;stable&gt;-baseline</c>, marked as a baseline.</summary>
    public Task ApplyBaselineAsync(Rollout rollout, string stableRevision, int replicas, RevisionWorkload workload, CancellationToken cancellationToken)
    {
        var revision = JudgeBaseline.RevisionLabel(stableRevision);
        var body = RevisionDeploymentManifest.Build(rollout, revision, replicas, workload);
        RevisionDeploymentManifest.MarkBaseline(body, stableRevision);
        return PatchAsync(rollout, revision, body, cancellationToken);
    }

    public async Task DeleteAsync(Rollout rollout, string revision, CancellationToken cancellationToken)
    {
        try
        {
            await _client.AppsV1.DeleteNamespacedDeploymentAsync(
                RevisionNames.Deployment(rollout.Metadata.Name, revision),
                rollout.Metadata.NamespaceProperty,
                propagationPolicy: "Background",
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone: the desired state holds.
        }
    }

    /// <summary>A user-owned Deployment is scaled through /scale, so only its replica count is touched.</summary>
    public async Task ScaleAsync(string ns, string name, int replicas, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["spec"] = new JsonObject { ["replicas"] = replicas } };
        await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch),
            name,
            ns,
            fieldManager: ApiGroup.FieldManager,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task PatchAsync(Rollout rollout, string revision, JsonObject body, CancellationToken cancellationToken) =>
        await _client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            RevisionNames.Deployment(rollout.Metadata.Name, revision),
            rollout.Metadata.NamespaceProperty,
            fieldManager: ApiGroup.FieldManager,
            force: true,
            cancellationToken: cancellationToken).ConfigureAwait(false);
}
