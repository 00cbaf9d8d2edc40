using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tracing;

/// <summary>The spec's name of a canary step kind (setWeight, pause, analysis, …), for span names and attributes.</summary>
internal static class StepKinds
{
    private const string Suffix = "StepPlan";

    public static string Of(CanaryStepPlan step)
    {
        // Plan types are named after the spec's step field: SetWeightStepPlan ↔ setWeight.
        var name = step.GetType().Name;
        name = name.EndsWith(Suffix, StringComparison.Ordinal) ? name[..^Suffix.Length] : name;
        return name.Length == 0 ? "step" : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
