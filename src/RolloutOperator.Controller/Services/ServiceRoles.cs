using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Services;

/// <summary>The Services a spec names, by role. A role the spec does not name is absent, so Core never points it.</summary>
internal static class ServiceRoles
{
    public static IReadOnlyDictionary<ServiceRole, string> Of(RolloutSpec spec)
    {
        var roles = new Dictionary<ServiceRole, string>();
        if (spec.Strategy?.Canary is { } canary)
        {
            Add(roles, ServiceRole.Stable, canary.StableService);
            Add(roles, ServiceRole.Canary, canary.CanaryService);
        }
        else if (spec.Strategy?.BlueGreen is { } blueGreen)
        {
            Add(roles, ServiceRole.Active, blueGreen.ActiveService);
            Add(roles, ServiceRole.Preview, blueGreen.PreviewService);
        }

        return roles;
    }

    /// <summary>Every Service name a spec refers to, for the Service → Rollout index.</summary>
    public static IEnumerable<string> Names(RolloutSpec spec) => Of(spec).Values.Distinct(StringComparer.Ordinal);

    private static void Add(Dictionary<ServiceRole, string> roles, ServiceRole role, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            roles[role] = name;
        }
    }
}
