using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>Resolves maxSurge (rounded up) and maxUnavailable (rounded down) against spec.replicas, as Deployments do.</summary>
internal static class SurgeResolver
{
    public static (int Surge, int Unavailable) Resolve(CanaryStrategy canary, int replicas, string path, SpecErrors errors)
    {
        var surgeValue = canary.MaxSurge ?? SpecDefaults.MaxSurge;
        var unavailableValue = canary.MaxUnavailable ?? SpecDefaults.MaxUnavailable;
        var surge = ResolveOne(surgeValue, replicas, roundUp: true, $"{path}.maxSurge", errors);
        var unavailable = ResolveOne(unavailableValue, replicas, roundUp: false, $"{path}.maxUnavailable", errors);
        if (IsZero(surgeValue) && IsZero(unavailableValue))
        {
            errors.Add($"{path}.maxUnavailable", "maxSurge and maxUnavailable must not both be zero: no pod could ever be replaced");
        }

        // Small percentages of few replicas can both round to zero; like a Deployment, allow one unavailable pod so progress is possible.
        if (surge == 0 && unavailable == 0)
        {
            unavailable = 1;
        }

        return (surge, unavailable);
    }

    private static int ResolveOne(IntOrString value, int replicas, bool roundUp, string path, SpecErrors errors)
    {
        if (value.TryResolve(replicas, roundUp, out var result))
        {
            // More than spec.replicas surges or removes nothing more than spec.replicas does; the cap keeps sums in range.
            return Math.Min(result, Math.Max(replicas, 1));
        }

        errors.Add(path, $"\"{value.Value}\" must be a non-negative integer or a percentage from 0% to 100%");
        return 0;
    }

    private static bool IsZero(IntOrString value) => value.Value is "0" or "0%";
}
