using k8s.Models;

namespace RolloutOperator.Runtime.Tests.Informers;

internal static class TestObjects
{
    public static V1ConfigMap ConfigMap(
        string ns, string name, string? rv = null, IDictionary<string, string>? labels = null, string? ownerUid = null) =>
        new()
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                NamespaceProperty = ns,
                Name = name,
                ResourceVersion = rv,
                Labels = labels,
                OwnerReferences = ownerUid is null
                    ? null
                    : [new V1OwnerReference { ApiVersion = "v1", Kind = "Owner", Name = "owner-" + ownerUid, Uid = ownerUid, Controller = true }],
            },
        };
}
