using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>Validates spec.strategy.canary and builds the <see cref="CanaryPlan"/>.</summary>
internal static class CanaryValidator
{
    private const string Path = "spec.strategy.canary";

    public static CanaryPlan Parse(CanaryStrategy canary, int replicas, ParseContext context, SpecErrors errors)
    {
        var router = TrafficRoutingValidator.Validate(canary, Path, context, errors);
        var steps = CanaryStepParser.Parse(canary.Steps ?? [], $"{Path}.steps", router, context, errors);
        var (background, startingStep) = Background(canary, context, errors);
        var (surge, unavailable) = SurgeResolver.Resolve(canary, replicas, Path, errors);
        var dynamicStableScale = canary.DynamicStableScale ?? SpecDefaults.DynamicStableScale;
        if (dynamicStableScale && !router.Configured)
        {
            errors.Add($"{Path}.dynamicStableScale", "dynamicStableScale needs a traffic router: without one, replica counts are the traffic split");
        }

        return new CanaryPlan(
            steps,
            background,
            startingStep,
            router.Names,
            surge,
            unavailable,
            Fields.Seconds(canary.ScaleDownDelaySeconds, SpecDefaults.ScaleDownDelaySeconds, $"{Path}.scaleDownDelaySeconds", errors),
            Fields.Seconds(canary.AbortScaleDownDelaySeconds, SpecDefaults.AbortScaleDownDelaySeconds, $"{Path}.abortScaleDownDelaySeconds", errors),
            dynamicStableScale);
    }

    // Background analysis runs until promotion, so its metrics keep a null count (gating: false).
    private static (AnalysisPlan? Plan, int StartingStep) Background(CanaryStrategy canary, ParseContext context, SpecErrors errors)
    {
        if (canary.Analysis is not { } analysis)
        {
            return (null, SpecDefaults.BackgroundStartingStep);
        }

        var path = $"{Path}.analysis";
        var stepCount = canary.Steps?.Count ?? 0;
        var startingStep = analysis.StartingStep ?? SpecDefaults.BackgroundStartingStep;
        if (startingStep < 0 || startingStep > stepCount)
        {
            errors.Add($"{path}.startingStep", $"must be between 0 and the number of steps ({stepCount}), got {startingStep}");
        }

        return (AnalysisResolver.Resolve(analysis, path, gating: false, context, errors), startingStep);
    }
}
