using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>The built-in query variables of a Rollout; a variable without a value is absent and explained by <see cref="WhyMissing"/>.</summary>
internal static class BuiltInVariables
{
    public static Dictionary<string, string> For(Rollout rollout, string canaryRevision)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rollout.name"] = rollout.Metadata.Name ?? "",
            ["rollout.namespace"] = rollout.Metadata.NamespaceProperty ?? "",
            ["revision.canary"] = canaryRevision,
        };
        Add(values, "revision.stable", rollout.Status?.StableRevision);
        var strategy = rollout.Spec.Strategy;
        Add(values, "service.stable", strategy.Canary?.StableService ?? strategy.BlueGreen?.ActiveService);
        Add(values, "service.canary", strategy.Canary?.CanaryService ?? strategy.BlueGreen?.PreviewService);
        return values;
    }

    /// <summary>Why a known built-in has no value; null for a name that is not a built-in (the renderer reports those).</summary>
    public static string? WhyMissing(string name) => name switch
    {
        "revision.stable" => "the rollout has no stable revision yet",
        "service.stable" => "the strategy names no stable service (canary.stableService or blueGreen.activeService)",
        "service.canary" => "the strategy names no canary service (canary.canaryService or blueGreen.previewService)",
        _ => null,
    };

    private static void Add(Dictionary<string, string> values, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[name] = value;
        }
    }
}
