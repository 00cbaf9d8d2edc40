using RolloutOperator.Controller.Traffic.Istio;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

public sealed class ServiceHostsTests
{
    [Theory]
    [InlineData("web-stable", "web-stable")]
    [InlineData("web-stable.shop", "web-stable")]
    [InlineData("web-stable.shop.svc", "web-stable")]
    [InlineData("web-stable.shop.svc.cluster.local", "web-stable")]
    [InlineData("web-stable.other.svc.cluster.local", "web-stable.other.svc.cluster.local")]
    [InlineData("web-stable.shopping", "web-stable.shopping")]
    [InlineData("api.example.com", "api.example.com")]
    public void ServiceOf_InNamespaceForms_NameTheService(string host, string expected) =>
        Assert.Equal(expected, ServiceHosts.ServiceOf(host, "shop"));

    [Theory]
    [InlineData("web-stable", "web-canary")]
    [InlineData("web-stable.shop.svc.cluster.local", "web-canary.shop.svc.cluster.local")]
    public void Rename_KeepsTheHostForm(string stable, string expected) =>
        Assert.Equal(expected, ServiceHosts.Rename(stable, "web-canary"));
}
