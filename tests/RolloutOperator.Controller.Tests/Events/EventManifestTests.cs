using System.Text;
using System.Text.RegularExpressions;
using k8s.Models;
using RolloutOperator.Controller.Events;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Events;

public sealed partial class EventManifestTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("web", "web-")]
    [InlineData("web.v2", "web.v2-")]
    [InlineData("a", "a-")]
    public void GenerateName_ShortName_IsTheNameAndADash(string rollout, string expected) =>
        Assert.Equal(expected, EventNames.GenerateName(rollout));

    [Theory]
    [InlineData(57)]
    [InlineData(58)]
    [InlineData(100)]
    [InlineData(253)]
    public void GenerateName_AnyLength_IsAValidPrefixTheServerKeepsWhole(int length)
    {
        var rollout = string.Concat(Enumerable.Repeat("abcdefghi.", 26))[..length].TrimEnd('.');

        var prefix = EventNames.GenerateName(rollout);

        Assert.True(prefix.Length <= EventNames.MaxGenerateName, prefix);
        // The server checks the prefix with its trailing dash masked, then the generated name.
        Assert.Matches(Subdomain(), prefix[..^1] + "a");
        Assert.Matches(Subdomain(), prefix + "x7k2q");
    }

    [Fact]
    public void GenerateName_LongNamesSharingAPrefix_StayDistinct()
    {
        var common = new string('w', 100);

        Assert.NotEqual(EventNames.GenerateName(common + "-a"), EventNames.GenerateName(common + "-b"));
    }

    [Fact]
    public void Build_OversizedFields_AreCutToTheServersByteLimits()
    {
        var rollout = new Rollout { Metadata = new V1ObjectMeta { Name = "web", NamespaceProperty = "apps", Uid = "u-1" } };
        var rolloutEvent = new RolloutEvent(EventSeverity.Warning, new string('R', 200), new string('é', 2000));

        var manifest = EventManifest.Build(rollout, rolloutEvent, new string('i', 300), Now);

        Assert.Equal(128, Encoding.UTF8.GetByteCount((string)manifest["reason"]!));
        Assert.Equal(128, Encoding.UTF8.GetByteCount((string)manifest["reportingInstance"]!));
        Assert.True(Encoding.UTF8.GetByteCount((string)manifest["note"]!) <= 1024);
        Assert.EndsWith("…", (string)manifest["note"]!, StringComparison.Ordinal);
        Assert.Equal("apps", (string?)manifest["regarding"]!["namespace"]);
        Assert.Equal("2025-01-01T00:00:00.000000Z", (string?)manifest["eventTime"]);
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex Subdomain();
}
