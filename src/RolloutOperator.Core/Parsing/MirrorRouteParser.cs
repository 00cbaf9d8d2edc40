using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates a setMirrorRoute step: every router of the Rollout must be able to mirror, or the step could never complete.</summary>
internal static class MirrorRouteParser
{
    public static SetMirrorRouteStepPlan Parse(SetMirrorRoute route, RouterInfo router, string path, SpecErrors errors)
    {
        if (!router.Configured)
        {
            errors.Add(path, "setMirrorRoute needs a traffic router");
        }
        else if (router.Lacking(c => c.SupportsMirrorRoutes) is { } lacking)
        {
            errors.Add(path, $"traffic router \"{lacking}\" does not support mirror routes");
        }

        HeaderRouteParser.CheckName(route.Name, router, path, errors);
        var percentage = route.Percentage ?? SpecDefaults.MirrorPercentage;
        if (double.IsNaN(percentage) || percentage is < 0 or > 100)
        {
            errors.Add($"{path}.percentage", $"must be between 0 and 100, got {percentage}");
            percentage = 0;
        }
        else if (Math.Abs((percentage * 100) - Math.Round(percentage * 100)) > 1e-6)
        {
            errors.Add($"{path}.percentage", $"at most two decimals, got {percentage}");
        }

        var plans = HeaderRouteParser.Matches(route.Match ?? [], path, errors);
        return new SetMirrorRouteStepPlan(new MirrorRoutePlan(route.Name, plans, Math.Round(percentage, 2)));
    }
}
