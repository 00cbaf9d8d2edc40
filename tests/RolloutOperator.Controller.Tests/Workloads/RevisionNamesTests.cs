using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Workloads;

public sealed class RevisionNamesTests
{
    [Fact]
    public void Deployment_ShortName_IsRolloutDashRevision() =>
        Assert.Equal("web-0123456789", RevisionNames.Deployment("web", "0123456789"));

    [Fact]
    public void Deployment_LongNames_StayValidDnsLabelsAndDistinct()
    {
        var a = RevisionNames.Deployment(new string('a', 100) + "-one", "0123456789");
        var b = RevisionNames.Deployment(new string('a', 100) + "-two", "0123456789");

        Assert.NotEqual(a, b);
        Assert.All([a, b], name =>
        {
            Assert.InRange(name.Length, 1, 63);
            Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", name);
            Assert.EndsWith("-0123456789", name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LabelValue_LongName_IsAtMost63Characters() =>
        Assert.InRange(RevisionNames.LabelValue(new string('x', 253)).Length, 1, 63);
}
