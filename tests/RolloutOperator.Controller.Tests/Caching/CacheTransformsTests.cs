using k8s;
using k8s.Models;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Caching;

public sealed class CacheTransformsTests
{
    [Fact]
    public void Deployment_Realistic_DropsBookkeepingAndKeepsWhatReadersRead()
    {
        var served = RealisticDeployment.Create(1);
        served.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "rollout-operator.io/v1alpha1", Kind = "Rollout", Name = "web", Uid = "u1", Controller = true }];
        served.Metadata.DeletionTimestamp = new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);

        var cached = CacheTransforms.Deployment(served);

        Assert.Null(cached.Metadata.ManagedFields);
        Assert.False(cached.Metadata.Annotations.ContainsKey(CachedMetadata.LastAppliedAnnotation));
        Assert.Equal("4", cached.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal(served.Metadata.Labels, cached.Metadata.Labels);
        Assert.Equal("u1", cached.Metadata.OwnerReferences.Single().Uid);
        Assert.Equal((served.Metadata.Generation, served.Metadata.CreationTimestamp, served.Metadata.DeletionTimestamp), (cached.Metadata.Generation, cached.Metadata.CreationTimestamp, cached.Metadata.DeletionTimestamp));
        Assert.Equal(KubernetesJson.Serialize(served.Spec), KubernetesJson.Serialize(cached.Spec));
        Assert.Equal((4L, 3, 3, 3, 3), (cached.Status.ObservedGeneration!.Value, cached.Status.Replicas!.Value, cached.Status.ReadyReplicas!.Value, cached.Status.AvailableReplicas!.Value, cached.Status.UpdatedReplicas!.Value));
        Assert.Null(cached.Status.Conditions);
    }

    [Fact]
    public void Deployment_Transformed_InputUnchanged()
    {
        var served = RealisticDeployment.Create(2);
        var before = KubernetesJson.Serialize(served);

        _ = CacheTransforms.Deployment(served);

        Assert.Equal(before, KubernetesJson.Serialize(served));
        Assert.NotEmpty(served.Metadata.ManagedFields);
    }

    [Fact]
    public void Service_WithApplyBookkeeping_KeepsSpecDropsBookkeeping()
    {
        var served = KubernetesJson.Deserialize<V1Service>("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"web-stable","namespace":"apps","resourceVersion":"9",
              "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","team":"payments"},
              "managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:selector":{}}}}]},
             "spec":{"selector":{"app":"web","rollout-operator.io/revision":"abc"},"ports":[{"port":80,"targetPort":8080}],"type":"ClusterIP"},
             "status":{"loadBalancer":{}}}
            """);

        var cached = CacheTransforms.Service(served);

        Assert.Null(cached.Metadata.ManagedFields);
        Assert.Equal(["team"], cached.Metadata.Annotations.Keys);
        Assert.Equal(KubernetesJson.Serialize(served.Spec), KubernetesJson.Serialize(cached.Spec));
        Assert.NotEmpty(served.Metadata.ManagedFields);
        Assert.Equal(2, served.Metadata.Annotations.Count);
    }

    [Fact]
    public void Rollout_WithManagedFields_KeepsEveryAnnotationSpecAndStatus()
    {
        var served = new Rollout
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web",
                Annotations = new Dictionary<string, string> { [CachedMetadata.LastAppliedAnnotation] = "{}", ["rollout-operator.io/command"] = "{}" },
                ManagedFields = [new V1ManagedFieldsEntry { Manager = "kubectl", Operation = "Apply" }],
            },
            Status = new Core.Api.RolloutStatus(),
        };

        var cached = CacheTransforms.Rollout(served);

        Assert.Null(cached.Metadata.ManagedFields);
        Assert.Equal(served.Metadata.Annotations, cached.Metadata.Annotations);
        Assert.Same(served.Spec, cached.Spec);
        Assert.Same(served.Status, cached.Status);
        Assert.Single(served.Metadata.ManagedFields);
    }

    [Fact]
    public void CachedMetadata_EveryField_CopiedExceptManagedFields()
    {
        var served = KubernetesJson.Deserialize<V1ObjectMeta>("""
            {"name":"a","generateName":"a-","namespace":"ns","uid":"u","resourceVersion":"1","generation":2,"selfLink":"/x",
             "creationTimestamp":"2026-01-01T00:00:00Z","deletionTimestamp":"2026-01-02T00:00:00Z","deletionGracePeriodSeconds":30,
             "labels":{"l":"v"},"annotations":{"a":"v"},"finalizers":["f"],
             "ownerReferences":[{"apiVersion":"v1","kind":"K","name":"o","uid":"ou"}],
             "managedFields":[{"manager":"m","operation":"Update"}]}
            """);

        var cached = CachedMetadata.WithoutManagedFields(served);

        // Guards against a client upgrade adding a metadata field that the copy would silently lose.
        foreach (var property in typeof(V1ObjectMeta).GetProperties().Where(p => p.Name != nameof(V1ObjectMeta.ManagedFields)))
        {
            Assert.NotNull(property.GetValue(served));
            Assert.Equal(property.GetValue(served), property.GetValue(cached));
        }

        Assert.Null(cached.ManagedFields);
    }
}
