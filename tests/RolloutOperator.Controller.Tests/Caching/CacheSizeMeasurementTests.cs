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
}
