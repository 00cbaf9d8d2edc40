using k8s.Models;
using RolloutOperator.Runtime.Informers;
using static RolloutOperator.Runtime.Tests.Informers.TestObjects;

namespace RolloutOperator.Runtime.Tests.Informers;

public sealed class ObjectCacheTests
{
    private readonly ObjectCache<V1ConfigMap> _cache = new();

    [Fact]
    public void Upsert_ThenFind_ReturnsSharedInstanceAndPreviousOnReplace()
    {
        var first = ConfigMap("ns", "a", "1");
        var second = ConfigMap("ns", "a", "2");

        Assert.Null(_cache.Upsert(first));
        Assert.Same(first, _cache.Upsert(second));
        Assert.Same(second, _cache.Find("ns", "a"));
        Assert.Equal(1, _cache.Count);
    }

    [Fact]
    public void List_ByNamespace_ReturnsOnlyThatNamespace()
    {
        _cache.Upsert(ConfigMap("ns1", "a"));
        _cache.Upsert(ConfigMap("ns2", "b"));

        Assert.Equal(["a"], _cache.List("ns1").Select(o => o.Metadata.Name));
        Assert.Equal(2, _cache.List().Count);
    }

    [Fact]
    public void List_ByLabelSelector_AppliesMatchLabelsAndExpressions()
    {
        _cache.Upsert(ConfigMap("ns", "stable", labels: new Dictionary<string, string> { ["app"] = "web", ["track"] = "stable" }));
        _cache.Upsert(ConfigMap("ns", "canary", labels: new Dictionary<string, string> { ["app"] = "web", ["track"] = "canary" }));
        _cache.Upsert(ConfigMap("ns", "other", labels: new Dictionary<string, string> { ["app"] = "db" }));
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "track", OperatorProperty = "NotIn", Values = ["canary"] }],
        };

        Assert.Equal(["stable"], _cache.List("ns", selector).Select(o => o.Metadata.Name));
    }

    [Fact]
    public void ListByControllerUid_AfterOwnerChangeAndRemove_IndexFollows()
    {
        _cache.Upsert(ConfigMap("ns", "a", ownerUid: "u1"));
        _cache.Upsert(ConfigMap("ns", "b", ownerUid: "u1"));
        _cache.Upsert(ConfigMap("ns", "c", ownerUid: "u2"));

        _cache.Upsert(ConfigMap("ns", "b", ownerUid: "u2"));
        _cache.Remove(new ObjectKey("ns", "c"));

        Assert.Equal(["a"], _cache.ListByControllerUid("u1").Select(o => o.Metadata.Name));
        Assert.Equal(["b"], _cache.ListByControllerUid("u2").Select(o => o.Metadata.Name));
        Assert.Empty(_cache.ListByControllerUid("missing"));
    }

    [Fact]
    public void ListByControllerUid_NonControllerOwner_NotIndexed()
    {
        var obj = ConfigMap("ns", "a");
        obj.Metadata.OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "Owner", Name = "o", Uid = "u1", Controller = false }];

        _cache.Upsert(obj);

        Assert.Empty(_cache.ListByControllerUid("u1"));
    }
}
