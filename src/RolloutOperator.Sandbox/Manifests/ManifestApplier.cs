using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace RolloutOperator.Sandbox.Manifests;

/// <summary>
/// Server-side applies manifests (field manager <c>rollout-sandbox</c>) like <c>kubectl apply --server-side</c>:
/// namespaces first, then everything in file order. Core and apps kinds go through their typed clients; every other
/// group (ours, Gateway API, ...) through the custom-objects API, cluster-scoped when the kind is.
/// </summary>
internal sealed class ManifestApplier(IKubernetes client, string defaultNamespace)
{
    private const string FieldManager = "rollout-sandbox";

    /// <summary>Applies the objects and returns "Kind/name" for each, in order.</summary>
    public async Task<IReadOnlyList<string>> ApplyAsync(IReadOnlyList<JsonObject> objects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var applied = new List<string>();
        foreach (var manifest in objects.OrderBy(o => Kind(o) == "Namespace" ? 0 : 1))
        {
            var kind = Kind(manifest);
            var name = manifest["metadata"]?["name"]?.GetValue<string>() ?? throw new FormatException($"{kind} without metadata.name");
            var ns = ClusterScoped(kind) ? null : manifest["metadata"]?["namespace"]?.GetValue<string>() ?? defaultNamespace;
            if (ns is not null)
            {
                manifest["metadata"]!["namespace"] = ns;
                await EnsureNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
            }

            await ApplyOneAsync(manifest, kind, name, ns, cancellationToken).ConfigureAwait(false);
            applied.Add($"{kind}/{name}");
        }

        return applied;
    }

    public static string Kind(JsonObject manifest) =>
        manifest["kind"]?.GetValue<string>() ?? throw new FormatException("a manifest without kind");

    private static bool ClusterScoped(string kind) => kind is "Namespace" || kind.StartsWith("Cluster", StringComparison.Ordinal);

    private static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower.EndsWith('s') ? lower + "es" : lower + "s";
    }

    private async Task EnsureNamespaceAsync(string ns, CancellationToken cancellationToken) =>
        await client.CoreV1.PatchNamespaceAsync(Patch(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } }), ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);

    private async Task ApplyOneAsync(JsonObject manifest, string kind, string name, string? ns, CancellationToken cancellationToken)
    {
        var patch = Patch(manifest);
        var apiVersion = manifest["apiVersion"]?.GetValue<string>() ?? throw new FormatException($"{kind}/{name} without apiVersion");
        Task request = (apiVersion, kind) switch
        {
            ("v1", "Namespace") => client.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            ("v1", "Service") => client.CoreV1.PatchNamespacedServiceAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            ("v1", "ConfigMap") => client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            ("v1", "Secret") => client.CoreV1.PatchNamespacedSecretAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            ("apps/v1", "Deployment") => client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken),
            _ when !apiVersion.Contains('/', StringComparison.Ordinal) => throw new NotSupportedException($"the sandbox does not apply {apiVersion} {kind} (core kinds it applies: Namespace, Service, ConfigMap, Secret; and apps/v1 Deployment)"),
            _ => ApplyCustomAsync(patch, apiVersion, kind, name, ns, cancellationToken),
        };
        await request.ConfigureAwait(false);
    }

    private async Task ApplyCustomAsync(V1Patch patch, string apiVersion, string kind, string name, string? ns, CancellationToken cancellationToken)
    {
        var group = apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)];
        var version = apiVersion[(group.Length + 1)..];
        var request = ns is null
            ? client.CustomObjects.PatchClusterCustomObjectAsync(patch, group, version, Plural(kind), name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)
            : client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, group, version, ns, Plural(kind), name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
        await request.ConfigureAwait(false);
    }

    private static V1Patch Patch(JsonObject manifest) => new(JsonSerializer.Serialize(manifest), V1Patch.PatchType.ApplyPatch);
}
