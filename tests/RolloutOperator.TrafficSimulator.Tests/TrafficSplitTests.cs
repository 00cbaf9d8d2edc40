using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.TrafficSimulator.Tests;

public sealed class TrafficSplitTests
{
    private static readonly JsonObject Template = new() { ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }) } };

    [Fact]
    public void Of_CanaryWithObservedWeight_SplitsStableAndCanary()
    {
        var split = TrafficSplit.Of(Canary(), new RolloutStatus { StableRevision = "s", CanaryRevision = "c", Traffic = new TrafficStatus { DesiredWeight = 40, ObservedWeight = 20 } });

        Assert.Equal([("s", 80.0), ("c", 20.0)], split);
    }

    [Fact]
    public void Of_CanaryNotYetObserved_UsesDesiredWeight()
    {
        var split = TrafficSplit.Of(Canary(), new RolloutStatus { StableRevision = "s", CanaryRevision = "c", Traffic = new TrafficStatus { DesiredWeight = 40 } });

        Assert.Equal([("s", 60.0), ("c", 40.0)], split);
    }

    [Fact]
    public void Of_FullyPromotedWeight_LeavesOutTheEmptySide()
    {
        var split = TrafficSplit.Of(Canary(), new RolloutStatus { StableRevision = "s", CanaryRevision = "c", Traffic = new TrafficStatus { DesiredWeight = 100, ObservedWeight = 100 } });

        Assert.Equal([("c", 100.0)], split);
    }

    [Fact]
    public void Of_NoStatus_GivesTheSpecRevisionEverything()
    {
        Assert.Equal([(RevisionHash.Compute(Template), 100.0)], TrafficSplit.Of(Canary(), null));
    }

    [Fact]
    public void Of_BlueGreen_GivesTheActiveRevisionEverything()
    {
        var spec = new RolloutSpec { Template = Template, Strategy = new RolloutStrategy { BlueGreen = new BlueGreenStrategy { ActiveService = "web" } } };

        var split = TrafficSplit.Of(spec, new RolloutStatus { StableRevision = "old", CanaryRevision = "new", BlueGreen = new BlueGreenStatus { ActiveRevision = "old" } });

        Assert.Equal([("old", 100.0)], split);
    }

    private static RolloutSpec Canary() => new() { Template = Template, Strategy = new RolloutStrategy { Canary = new CanaryStrategy() } };
}
