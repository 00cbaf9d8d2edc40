using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class HostAllowListTests
{
    [Theory]
    [InlineData("prom:9090", "http://prom:9090/", true)]
    [InlineData("prom:9090", "http://prom:9091/", false)]
    [InlineData("prom", "https://prom:8443/x", true)]
    [InlineData("prom", "http://prom.evil/", false)]
    [InlineData("prom:80", "http://prom/", true)]
    [InlineData("Prom.Monitoring", "http://prom.monitoring./", true)]
    [InlineData("[::1]:9090", "http://[::1]:9090/", true)]
    [InlineData("::1", "http://[::1]:1/", true)]
    [InlineData("10.0.0.1, prom:9090", "http://10.0.0.1:5/", true)]
    [InlineData("", "http://anything/", true)]
    public void Allows_Address_MatchesHostAndOptionalPort(string list, string address, bool expected)
    {
        Assert.True(HostAllowList.TryParse(list, out var allowed, out var error), error);

        Assert.Equal(expected, allowed.Allows(new Uri(address)));
    }

    [Theory]
    [InlineData("http://prom:9090")]
    [InlineData("prom:port")]
    [InlineData("prom:0")]
    [InlineData("prom:70000")]
    [InlineData("[::1")]
    [InlineData("prom/path")]
    [InlineData("user@prom")]
    public void TryParse_NotHostOrHostPort_FailsNamingTheEntry(string list)
    {
        Assert.False(HostAllowList.TryParse($"ok, {list}", out _, out var error));

        Assert.Contains(list, error, StringComparison.Ordinal);
    }
}
