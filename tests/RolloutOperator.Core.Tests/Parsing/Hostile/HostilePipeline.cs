using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;

namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>
/// What the controller does with a spec — parse, then either the InvalidSpec decision or decide → status summary over a few
/// reconciles — with the invariants of a hostile spec asserted on the way.
/// </summary>
public static class HostilePipeline
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static HostileOutcome Run(HostileCase hostile)
    {
        var seed = HostileSeeds.All[hostile.Seed];
        var rollout = (JsonObject)seed.Rollout.DeepClone();
        var templates = seed.Templates.Select(t => (t.Name, t.ClusterScope, Spec: (JsonObject)t.Spec.DeepClone())).ToList();
        var workload = (JsonObject?)seed.Workload?.DeepClone();
        List<JsonObject> others = [.. templates.Select(t => t.Spec), .. workload is null ? [] : new[] { workload }];
        foreach (var mutation in hostile.Mutations)
        {
            SpecMutator.Apply(mutation.Document == 0 ? rollout : others[(mutation.Document - 1) % others.Count], mutation);
        }

        var context = ParseContext.Offline(DecodeTemplates(templates), workload);
        if (!TryDecode<RolloutSpec>(rollout, out var spec))
        {
            return HostileOutcome.Undecodable;
        }

        if (hostile.DeepTemplate > 0 && spec.Template is { } template)
        {
            // Deeper than any decoder allows: a template can still arrive this way from a Deployment (workloadRef) or lint.
            template["deep"] = SpecMutator.Nested(hostile.DeepTemplate);
        }

        var result = SpecParser.Parse(spec, context);
        if (result.Plan is not { } plan)
        {
            AssertInvalid(result.Errors);
            return HostileOutcome.Invalid;
        }

        Assert.Empty(result.Errors);
        Play(plan);
        return HostileOutcome.Valid;
    }

    private static List<(string, bool, AnalysisTemplateSpec)> DecodeTemplates(List<(string Name, bool ClusterScope, JsonObject Spec)> templates)
    {
        var decoded = new List<(string, bool, AnalysisTemplateSpec)>();
        foreach (var (name, clusterScope, json) in templates)
        {
            if (TryDecode<AnalysisTemplateSpec>(json, out var template))
            {
                AssertPaths(AnalysisTemplateValidator.Validate(template));
                decoded.Add((name, clusterScope, template));
            }
        }

        return decoded;
    }

    private static void AssertInvalid(IReadOnlyList<SpecError> errors)
    {
        Assert.NotEmpty(errors);
        AssertPaths(errors);
        var previous = new RolloutStatus { StableRevision = "stable", Traffic = new TrafficStatus { DesiredWeight = 20, ObservedWeight = 20 } };
        var decision = RolloutDecider.Invalid(previous, [.. errors.Select(e => e.ToString())], 2, Now);
        Assert.Empty(decision.Actions);
        Assert.Equal(previous.Traffic, decision.Status.Traffic);
        Assert.Equal(RolloutPhase.Degraded, decision.Status.Phase);
        _ = ApiJson.Serialize(decision.Status);
    }

    private static void AssertPaths(IReadOnlyList<SpecError> errors) => Assert.All(errors, e =>
    {
        Assert.False(string.IsNullOrWhiteSpace(e.Path), $"error without a field path: {e}");
        Assert.False(string.IsNullOrWhiteSpace(e.Message), $"error without a message at {e.Path}");
    });

    // A few reconciles through a first rollout and a second revision, waking when the decision asks (at least 1 s, at most 1 h).
    private static void Play(RolloutPlan plan)
    {
        var s = new Scenario(plan);
        if (plan.Strategy is BlueGreenPlan)
        {
            s.Cluster.Services.Clear();
            s.Cluster.Services[ServiceRole.Active] = null;
            s.Cluster.Services[ServiceRole.Preview] = null;
        }

        for (var i = 0; i < 8; i++)
        {
            if (i == 3)
            {
                s.DeployNew(plan.Revision + "-next");
            }

            var decision = s.Reconcile();
            Assert.All(decision.Actions.OfType<RouteTraffic>(), r => Assert.InRange(r.CanaryWeight, 0, 100));
            Assert.All(decision.Actions.OfType<ScaleRevision>(), r => Assert.True(r.Replicas >= 0, $"negative scale {r.Replicas}"));
            _ = ApiJson.Serialize(decision.Status);
            var wait = decision.RequeueAfter ?? TimeSpan.FromSeconds(30);
            s.Advance(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : wait);
        }
    }

    private static bool TryDecode<T>(JsonObject json, out T value)
        where T : class
    {
        try
        {
            value = json.Deserialize<T>(ApiJson.Options)!;
            return value is not null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Nested past the decoder's depth limit (InvalidOperationException) or the wrong JSON type: the API server's
            // schema or the informer's decoder refuses these before any parser sees them.
            value = null!;
            return false;
        }
    }
}
