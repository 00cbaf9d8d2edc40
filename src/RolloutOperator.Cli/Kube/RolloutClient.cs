using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Kube;

/// <summary>The few API calls the plugin makes. Every write names the CLI's field manager so users can tell it from the operator's.</summary>
internal sealed class RolloutClient(IKubernetes client)
{
    public const string FieldManager = "rollout-operator-cli";
    private static readonly string Plural = CustomResources.Rollout.Plural;

    public Task<Rollout> GetAsync(string ns, string name, CancellationToken cancellationToken) =>
        ApiErrors.Guard(
            () => client.CustomObjects.GetNamespacedCustomObjectAsync<Rollout>(ApiGroup.Name, ApiGroup.Version, ns, Plural, name, cancellationToken),
            NotFound(ns, name));

    public Task<IReadOnlyList<Rollout>> ListAsync(string? ns, CancellationToken cancellationToken) =>
        ApiErrors.Guard<IReadOnlyList<Rollout>>(
            async () =>
            {
                var list = ns is null
                    ? await client.CustomObjects.ListClusterCustomObjectAsync<KubernetesList<Rollout>>(
                        ApiGroup.Name, ApiGroup.Version, Plural, cancellationToken: cancellationToken).ConfigureAwait(false)
                    : await client.CustomObjects.ListNamespacedCustomObjectAsync<KubernetesList<Rollout>>(
                        ApiGroup.Name, ApiGroup.Version, ns, Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
                return list.Items?.ToList() ?? [];
            },
            "the Rollout CRD is not installed in this cluster");

    public Task<Rollout> MergePatchAsync(string ns, string name, JsonObject patch, CancellationToken cancellationToken) =>
        PatchAsync(ns, name, new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), cancellationToken);

    public Task<Rollout> JsonPatchAsync(string ns, string name, JsonArray operations, CancellationToken cancellationToken) =>
        PatchAsync(ns, name, new V1Patch(operations.ToJsonString(), V1Patch.PatchType.JsonPatch), cancellationToken);

    public Task<IReadOnlyList<V1Deployment>> DeploymentsAsync(string ns, string rollout, CancellationToken cancellationToken) =>
        ApiErrors.Guard<IReadOnlyList<V1Deployment>>(
            async () =>
            {
                var list = await client.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: RolloutApi.RolloutSelector(rollout), cancellationToken: cancellationToken).ConfigureAwait(false);
                return list.Items?.ToList() ?? [];
            },
            $"namespace \"{ns}\" not found");

    public Task<V1Deployment> DeploymentAsync(string ns, string name, CancellationToken cancellationToken) =>
        ApiErrors.Guard(
            () => client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken),
            $"deployment \"{name}\" not found in namespace \"{ns}\"");

    /// <summary>Yields once for every watch event on the named Rollout (and once at the start); re-watches when the server closes the stream.</summary>
    public IAsyncEnumerable<string> RolloutChangesAsync(string ns, string name, CancellationToken cancellationToken) =>
        ChangesAsync(ApiGroup.Name, ApiGroup.Version, Plural, ns, fieldSelector: $"metadata.name={name}", labelSelector: null, cancellationToken);

    public IAsyncEnumerable<string> DeploymentChangesAsync(string ns, string rollout, CancellationToken cancellationToken) =>
        ChangesAsync("apps", "v1", "deployments", ns, fieldSelector: null, labelSelector: RolloutApi.RolloutSelector(rollout), cancellationToken);

    public IAsyncEnumerable<string> AllRolloutChangesAsync(string? ns, CancellationToken cancellationToken) =>
        ChangesAsync(ApiGroup.Name, ApiGroup.Version, Plural, ns, fieldSelector: null, labelSelector: null, cancellationToken);

    private async IAsyncEnumerable<string> ChangesAsync(
        string group, string version, string plural, string? ns, string? fieldSelector, string? labelSelector,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return "INITIAL";
        while (!cancellationToken.IsCancellationRequested)
        {
            // A watch without a resourceVersion starts with synthetic ADDED events; re-reading on each of them is harmless.
            var events = ns is null
                ? client.CustomObjects.WatchListClusterCustomObjectAsync(
                    group, version, plural, fieldSelector: fieldSelector, labelSelector: labelSelector, timeoutSeconds: 300, cancellationToken: cancellationToken)
                : client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    group, version, ns, plural, fieldSelector: fieldSelector, labelSelector: labelSelector, timeoutSeconds: 300, cancellationToken: cancellationToken);
            await foreach (var (type, _) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return type.ToString();
            }
        }
    }

    private Task<Rollout> PatchAsync(string ns, string name, V1Patch patch, CancellationToken cancellationToken) =>
        ApiErrors.Guard(
            () => client.CustomObjects.PatchNamespacedCustomObjectAsync<Rollout>(
                patch, ApiGroup.Name, ApiGroup.Version, ns, Plural, name, fieldManager: FieldManager, cancellationToken: cancellationToken),
            NotFound(ns, name));

    private static string NotFound(string ns, string name) => $"rollout \"{name}\" not found in namespace \"{ns}\"";
}
