using System.Text;
using k8s;
using RolloutOperator.Controller.Caching;
using Xunit.Abstractions;

namespace RolloutOperator.Controller.Tests.Caching;

/// <summary>
/// The saving of the Deployment transform, measured as the serialized size of what the cache holds for realistic
/// Deployments (docs/controller.md reports the printed figures). Sizes, not timings, so the assertion is stable.
/// </summary>
public sealed class CacheSizeMeasurementTests(ITestOutputHelper output)
{
    private const int Count = 1000;

    [Fact]
    public void DeploymentTransform_RealisticDeployments_CachedSizeLessThanHalf()
    {
        long served = 0;
        long cached = 0;
        for (var i = 0; i < Count; i++)
        {
            var deployment = RealisticDeployment.Create(i);
            served += Encoding.UTF8.GetByteCount(KubernetesJson.Serialize(deployment));
            cached += Encoding.UTF8.GetByteCount(KubernetesJson.Serialize(CacheTransforms.Deployment(deployment)));
        }

        output.WriteLine($"{Count} Deployments: served {served} bytes ({served / Count} each), cached {cached} bytes ({cached / Count} each), {100 - (cached * 100 / served)}% smaller");
        Assert.True(cached * 2 < served, $"cached {cached} bytes is not under half of served {served} bytes");
    }

    /// <summary>Managed heap retained by the objects themselves; printed only, since the GC's figures are not exact.</summary>
    [Fact]
    public void DeploymentTransform_RealisticDeployments_RetainedHeapPrinted()
    {
        var served = Retained(i => RealisticDeployment.Create(i));
        var cached = Retained(i => CacheTransforms.Deployment(RealisticDeployment.Create(i)));

        output.WriteLine($"{Count} Deployments: served objects retain {served / 1024} KiB, cached objects {cached / 1024} KiB of managed heap");
        Assert.True(cached < served);
    }

    private static long Retained(Func<int, object> create)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = Enumerable.Range(0, Count).Select(create).ToList();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return after - before;
    }
}
