using System.Globalization;
using System.Text.RegularExpressions;
using k8s.Models;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// Checks from the recorded status history that every member went through each of its steps once, in order: the step
/// index of the new revision never goes back, each pause is entered (seen at its index), held for its full duration and
/// started once (its <c>stepStartedAt</c> never restarts), and each weight was observed on the route before the
/// step after it. StepCompleted Events back it up for repeats: an Event is written after the status that completes
/// the step, at most once per completion, so a count above one is a step done twice. (An Event can be lost when the
/// process dies between the two writes; that is a missing record, not a skipped step, and is counted separately.)
/// </summary>
internal static partial class StepAudit
{
    public sealed record Result(IReadOnlyList<string> Violations, int StepsVerified, int EventsMissing);

    public static Result Check(ChaosFleet fleet, IReadOnlyDictionary<string, string> newRevisions, IReadOnlyList<Eventsv1Event> events) =>
        Check(fleet.Members, fleet.Samples, newRevisions, events);

    public static Result Check(IReadOnlyList<FleetMember> members, IReadOnlyList<StatusSample> history, IReadOnlyDictionary<string, string> newRevisions, IReadOnlyList<Eventsv1Event> events)
    {
        var violations = new List<string>();
        var verified = 0;
        var missing = 0;
        var byName = history.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(s => s.ResourceVersion).ToList(), StringComparer.Ordinal);
        var completions = Completions(events);
        foreach (var member in members)
        {
            var revision = newRevisions[member.Name];
            var samples = byName.GetValueOrDefault(member.Name, []).Where(s => s.Status.CanaryRevision == revision || s.Status.StableRevision == revision).ToList();
            verified += CheckHistory(member, revision, samples, violations);
            for (var step = 1; step <= member.StepsToComplete; step++)
            {
                var count = completions.GetValueOrDefault((member.Name, revision, step));
                if (count > 1)
                {
                    violations.Add($"{member.Name}: StepCompleted for step {step}/{member.Steps.Count} recorded {count} times");
                }

                missing += count == 0 ? 1 : 0;
            }
        }

        return new Result(violations, verified, missing);
    }

    private static int CheckHistory(FleetMember member, string revision, List<StatusSample> samples, List<string> violations)
    {
        // While the revision is the canary; once promoted, stable == revision and the index says "all steps done".
        var canary = samples.Where(s => s.Status.CanaryRevision == revision).ToList();
        for (var i = 1; i < canary.Count; i++)
        {
            if (canary[i].Status.CurrentStepIndex < canary[i - 1].Status.CurrentStepIndex)
            {
                violations.Add($"{member.Name}: step index went back from {canary[i - 1].Status.CurrentStepIndex} to {canary[i].Status.CurrentStepIndex} (rv {canary[i].ResourceVersion})");
            }
        }

        var verified = 0;
        for (var step = 0; step < member.StepsToComplete; step++)
        {
            var problem = CheckStep(member, step, canary, samples.FirstOrDefault(s => s.Status.CanaryRevision is null && s.Status.StableRevision == revision));
            if (problem is null)
            {
                verified++;
            }
            else
            {
                violations.Add($"{member.Name}: step {step + 1} ({member.Steps[step].Kind} {member.Steps[step].Value}): {problem}");
            }
        }

        return verified;
    }

    /// <param name="promoted">The first version after promotion: it ends the last step when no canary version did.</param>
    private static string? CheckStep(FleetMember member, int step, List<StatusSample> canary, StatusSample? promoted)
    {
        var at = canary.Where(s => s.Status.CurrentStepIndex == step).ToList();
        var after = canary.FirstOrDefault(s => s.Status.CurrentStepIndex > step) ?? promoted;
        var definition = member.Steps[step];
        if (after is null)
        {
            return "never completed";
        }

        switch (definition.Kind)
        {
            case FleetStepKind.Pause:
                if (at.Count == 0)
                {
                    return "the pause was never entered (skipped)";
                }

                var started = at.Select(s => s.Status.StepStartedAt).Distinct().ToList();
                if (started.Count > 1)
                {
                    return "the pause started again: stepStartedAt " + string.Join(", ", started.Select(t => t?.ToString("HH:mm:ss", CultureInfo.InvariantCulture)));
                }

                // A step's completion starts the next one; promotion clears stepStartedAt but marks progress at that instant.
                var held = (after.Status.StepStartedAt ?? after.Status.LastProgressAt) - started[0];
                // Both times are whole seconds (metav1.Time), so a full pause may read up to 1 s short.
                return held >= TimeSpan.FromSeconds(definition.Value - 1) ? null : $"the pause lasted only {held?.TotalSeconds:0.#}s";
            case FleetStepKind.Weight:
                var weighed = canary.Any(s => s.Status.CurrentStepIndex >= step && s.Status.Traffic is { } t && t.DesiredWeight == definition.Value && t.ObservedWeight == definition.Value);
                return weighed ? null : $"weight {definition.Value} never observed on the route";
            default:
                return null;
        }
    }

    private static Dictionary<(string Rollout, string Revision, int Step), int> Completions(IReadOnlyList<Eventsv1Event> events)
    {
        var counts = new Dictionary<(string, string, int), int>();
        foreach (var e in events.Where(e => e.Reason == "StepCompleted"))
        {
            var match = StepNote().Match(e.Note ?? "");
            if (!match.Success || e.Regarding?.Name is not { } name)
            {
                continue;
            }

            var key = (name, match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            counts[key] = counts.GetValueOrDefault(key) + Math.Max(1, e.Series?.Count ?? 1);
        }

        return counts;
    }

    [GeneratedRegex(@"^Revision (\S+): step (\d+)/\d+ completed")]
    private static partial Regex StepNote();
}
