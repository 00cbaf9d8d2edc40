using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;
using RolloutOperator.Core.Tracing;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;
using static RolloutOperator.Core.Tests.Tracing.TracedScenario;

namespace RolloutOperator.Core.Tests.Tracing;

public sealed class GateSpansTests
{
    private static WebhookPlan Hook(string name, WebhookType type) => new(
        name, type, new Uri($"http://hooks.test/{name}"), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), 0, [], new Dictionary<string, string>());

    [Fact]
    public void CanaryWithGates_Promoted_GateSpansUnderRootAndTheirStep()
    {
        var s = new Scenario(Canary("v1", Weight(20), Weight(50)) with
        {
            Webhooks = [Hook("approve", WebhookType.ConfirmRollout), Hook("more", WebhookType.ConfirmTrafficIncrease), Hook("release", WebhookType.ConfirmPromotion)],
        });
        s.RunUntil(x => x.IsHealthy);
        s.DeployNew("v2");
        var approved = false;
        s.Webhooks = due => approved || due.Gate.Type != WebhookType.ConfirmRollout;
        s.RunFor(TimeSpan.FromSeconds(30));
        approved = true;
        s.RunUntil(x => x.Status.StableRevision == "v2");

        var (spans, written) = Replay(s);
        var tree = Tree(spans, written[^1].Trace!.TraceId);
        var root = tree.Single(x => x.ParentSpanId is null);
        var approve = Assert.Single(tree, x => x.Name == "gate confirm-rollout");
        Assert.Equal(root.SpanId, approve.ParentSpanId);
        Assert.Equal(SpanOutcome.Ok, approve.Outcome);
        Assert.True(approve.End - approve.Start >= TimeSpan.FromSeconds(30), $"{approve.Start} → {approve.End}");
        Assert.Equal(("approve", "confirm-rollout", "Passed", 200L), (Attribute(approve, SpanAttributes.GateName), Attribute(approve, SpanAttributes.GateType), Attribute(approve, SpanAttributes.GatePhase), Attribute(approve, SpanAttributes.GateStatusCode)));

        var increases = tree.Where(x => x.Name == "gate confirm-traffic-increase").ToList();
        Assert.NotEmpty(increases);
        Assert.All(increases, g => Assert.Contains(tree, step => step.SpanId == g.ParentSpanId && step.Name.StartsWith("step ", StringComparison.Ordinal)));
        Assert.Equal(root.SpanId, Assert.Single(tree, x => x.Name == "gate confirm-promotion").ParentSpanId);
    }
}
