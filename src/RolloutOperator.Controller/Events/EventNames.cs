using RolloutOperator.Model;

namespace RolloutOperator.Controller.Events;

/// <summary>
/// The <c>generateName</c> of a Rollout's Events. The API server validates a generateName as a DNS subdomain apart from
/// one trailing '-' (so "web." is refused), keeps at most 58 characters of it and appends five random characters. The
/// prefix is therefore the Rollout's name (shortened with a hash of the full name when needed) and a '-', at most 58
/// characters, so Events of different long-named Rollouts keep distinct, valid names.
/// </summary>
internal static class EventNames
{
    /// <summary>What the server keeps of a generateName before appending its random suffix.</summary>
    public const int MaxGenerateName = 58;

    public static string GenerateName(string rolloutName) => RevisionNames.Bounded(rolloutName, MaxGenerateName - 1) + "-";
}
