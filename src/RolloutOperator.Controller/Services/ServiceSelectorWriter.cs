using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Services;

/// <summary>
/// Points a user's Service at one revision by server-side applying only <c>spec.selector[revision label]</c>. Apply
/// tracks map keys one by one, so the user's (or a GitOps tool's) own selector keys stay theirs and nobody conflicts.
/// </summary>
internal sealed class ServiceSelectorWriter
{
    private readonly IKubernetes _client;

    public ServiceSelectorWriter(IKubernetes client) => _client = client;

    public async Task PointAsync(string ns, string service, string revision, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = service, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["selector"] = new JsonObject { [ApiGroup.RevisionLabel] = revision } },
        };
        await _client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            service,
            ns,
            fieldManager: ApiGroup.FieldManager,
            force: true,
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
