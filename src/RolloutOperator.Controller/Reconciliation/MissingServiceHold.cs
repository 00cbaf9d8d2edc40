using RolloutOperator.Controller.Model;
using RolloutOperator.Controller.Services;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// A canary's traffic reaches its pods only through the stable and canary Services. Core counts a step done on the split
/// the router reports (or, without a router, on available canary pods) and does not look at the Services, so while a
/// Service the spec names is missing the observation must say what is really true: the split is unknown and the new
/// revision's pods serve nothing. Core then holds the step (bounded by the progress deadline); the Service's creation
/// wakes the Rollout through the Service informer. The operator never creates the user's Service itself.
/// Only a missing Service counts: one that exists but still selects another revision is re-pointed by Core in the same
/// pass, before traffic moves (selectors come before traffic in Core's action order).
/// </summary>
internal static class MissingServiceHold
{
    /// <summary>True when the spec is a canary naming a stable or canary Service that is not in the cache.</summary>
    public static bool Applies(RolloutCaches caches, Rollout rollout) =>
        rollout.Spec.Strategy?.Canary is not null
        && ServiceRoles.Of(rollout.Spec).Values.Any(name => caches.Services.Find(rollout.Metadata.NamespaceProperty, name) is null);

    /// <summary>Every revision but the stable one reported with no ready or available pods.</summary>
    public static Dictionary<string, RevisionObservation> WithoutNewPods(
        IReadOnlyDictionary<string, RevisionObservation> revisions, RolloutStatus status) =>
        revisions.ToDictionary(
            pair => pair.Key,
            pair => status.StableRevision is null || pair.Key == status.StableRevision ? pair.Value : pair.Value with { Ready = 0, Available = 0 },
            StringComparer.Ordinal);
}
