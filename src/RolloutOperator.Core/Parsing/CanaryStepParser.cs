using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Parses spec.strategy.canary.steps: each step sets exactly one field.</summary>
internal static class CanaryStepParser
{
    public static List<CanaryStepPlan> Parse(List<CanaryStep> steps, string path, RouterInfo router, ParseContext context, SpecErrors errors)
    {
        var plans = new List<CanaryStepPlan>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (ParseStep(steps[i], $"{path}[{i}]", router, context, errors) is { } plan)
            {
                plans.Add(plan);
            }
        }

        CheckRouteKinds(steps, path, errors);
        return plans;
    }

    /// <summary>
    /// Header and mirror routes share managedRoutes and the routers name their objects after the route, so one name
    /// serves one kind of route only.
    /// </summary>
    private static void CheckRouteKinds(List<CanaryStep> steps, string path, SpecErrors errors)
    {
        var headers = steps.Select(s => s?.SetHeaderRoute?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i]?.SetMirrorRoute?.Name is { } name && headers.Contains(name))
            {
                errors.Add($"{path}[{i}].setMirrorRoute.name", $"route \"{name}\" is already used by a setHeaderRoute step; use another managed route for mirroring");
            }
        }
    }

    private static CanaryStepPlan? ParseStep(CanaryStep? step, string path, RouterInfo router, ParseContext context, SpecErrors errors)
    {
        var set = step is null ? [] : SetFields(step);
        if (step is null || set.Count != 1)
        {
            var found = set.Count == 0 ? "none" : string.Join(", ", set);
            errors.Add(path, $"a step sets exactly one of setWeight, pause, analysis, setCanaryScale, setHeaderRoute, setMirrorRoute; found {found}");
            return null;
        }

        return step switch
        {
            { SetWeight: { } weight } => Weight(weight, $"{path}.setWeight", errors),
            { Pause: { } pause } => new PauseStepPlan(pause.Duration is null ? null : Fields.Duration(pause.Duration, "", $"{path}.pause.duration", errors)),
            { Analysis: { } analysis } => Analysis(analysis, $"{path}.analysis", context, errors),
            { SetCanaryScale: { } scale } => Scale(scale, $"{path}.setCanaryScale", errors),
            { SetHeaderRoute: { } header } => HeaderRouteParser.Parse(header, router, $"{path}.setHeaderRoute", errors),
            _ => MirrorRouteParser.Parse(step.SetMirrorRoute!, router, $"{path}.setMirrorRoute", errors),
        };
    }

    private static List<string> SetFields(CanaryStep step)
    {
        var set = new List<string>();
        AddIf(set, step.SetWeight is not null, "setWeight");
        AddIf(set, step.Pause is not null, "pause");
        AddIf(set, step.Analysis is not null, "analysis");
        AddIf(set, step.SetCanaryScale is not null, "setCanaryScale");
        AddIf(set, step.SetHeaderRoute is not null, "setHeaderRoute");
        AddIf(set, step.SetMirrorRoute is not null, "setMirrorRoute");
        return set;
    }

    private static void AddIf(List<string> set, bool condition, string name)
    {
        if (condition)
        {
            set.Add(name);
        }
    }

    private static SetWeightStepPlan Weight(int weight, string path, SpecErrors errors)
    {
        if (weight is < 0 or > 100)
        {
            errors.Add(path, $"must be between 0 and 100, got {weight}");
        }

        return new SetWeightStepPlan(weight);
    }

    private static AnalysisStepPlan? Analysis(RolloutAnalysis analysis, string path, ParseContext context, SpecErrors errors) =>
        AnalysisResolver.Resolve(analysis, path, gating: true, context, errors) is { } plan ? new AnalysisStepPlan(plan) : null;

    private static SetCanaryScaleStepPlan Scale(SetCanaryScale scale, string path, SpecErrors errors)
    {
        var set = (scale.Replicas is null ? 0 : 1) + (scale.Weight is null ? 0 : 1) + (scale.MatchTrafficWeight is null ? 0 : 1);
        if (set != 1)
        {
            errors.Add(path, "set exactly one of replicas, weight, matchTrafficWeight");
        }
        else if (scale.MatchTrafficWeight == false)
        {
            errors.Add($"{path}.matchTrafficWeight", "matchTrafficWeight can only be true; omit the step to keep the current scale");
        }

        if (scale.Replicas is < 0 or > SpecLimits.MaxReplicas)
        {
            errors.Add($"{path}.replicas", $"must be between 0 and {SpecLimits.MaxReplicas}, got {scale.Replicas}");
        }

        if (scale.Weight is < 0 or > 100)
        {
            errors.Add($"{path}.weight", $"must be between 0 and 100, got {scale.Weight}");
        }

        return new SetCanaryScaleStepPlan(scale.Replicas, scale.Weight);
    }
}
