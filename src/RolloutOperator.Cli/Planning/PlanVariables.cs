using RolloutOperator.Cli.Manifests;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Cli.Planning;

/// <summary>The query variables knowable offline: the Rollout's name, namespace, canary revision, Services and literal args.</summary>
internal static class PlanVariables
{
    public static Dictionary<string, string> BuiltIns(RolloutManifest rollout, RolloutPlan plan)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rollout.name"] = rollout.Name,
            ["revision.canary"] = plan.Revision,
        };
        Put(known, "rollout.namespace", rollout.Namespace);
        var strategy = rollout.Spec.Strategy;
        Put(known, "service.stable", strategy.Canary?.StableService ?? strategy.BlueGreen?.ActiveService);
        Put(known, "service.canary", strategy.Canary?.CanaryService ?? strategy.BlueGreen?.PreviewService);
        return known;
    }

    public static Dictionary<string, string> For(AnalysisPlan analysis, IReadOnlyDictionary<string, string> builtIns, RolloutManifest rollout)
    {
        var known = new Dictionary<string, string>(builtIns, StringComparer.Ordinal);
        foreach (var arg in analysis.Args)
        {
            var value = arg.Value ?? arg.FieldPath switch
            {
                "metadata.name" => rollout.Name,
                "metadata.namespace" => rollout.Namespace,
                _ => null,
            };
            Put(known, "args." + arg.Name, value);
        }

        return known;
    }

    private static void Put(Dictionary<string, string> known, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            known[key] = value;
        }
    }
}
