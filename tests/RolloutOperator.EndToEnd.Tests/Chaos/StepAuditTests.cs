using k8s.Models;
using RolloutOperator.Core.Api;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// The audit of the chaos fleet, on hand-written histories: it must pass a clean rollout and catch each way a step can
/// be skipped or repeated, or a green chaos run would prove nothing.
/// </summary>
public sealed class StepAuditTests
{
    private static readonly FleetMember Member = new("c-000", Analysed: false, Bad: false);
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> Revisions = new(StringComparer.Ordinal) { ["c-000"] = "v2" };

    [Fact]
    public void CleanHistory_EveryStepVerified()
    {
        var result = Audit(Clean(), Completed(1, 2, 3, 4));

        Assert.Empty(result.Violations);
        Assert.Equal(4, result.StepsVerified);
        Assert.Equal(0, result.EventsMissing);
    }

    [Fact]
    public void PauseNeverEntered_IsASkippedStep()
    {
        var history = Clean().Where(s => s.Status.CurrentStepIndex != 1).ToList();

        Assert.Contains(Audit(history, Completed(1, 2, 3, 4)).Violations, v => v.Contains("step 2 (Pause 2): the pause was never entered", StringComparison.Ordinal));
    }

    [Fact]
    public void PauseStartedAgain_IsARepeatedStep()
    {
        var history = Clean();
        history.Insert(1, Sample(15, 1, T0.AddSeconds(2), (20, 20)));

        Assert.Contains(Audit(history, Completed(1, 2, 3, 4)).Violations, v => v.Contains("the pause started again", StringComparison.Ordinal));
    }

    [Fact]
    public void PauseCutShort_IsASkippedStep()
    {
        var history = Clean();
        history[2] = Sample(30, 2, T0.AddSeconds(1), (50, 20));

        Assert.Contains(Audit(history, Completed(1, 2, 3, 4)).Violations, v => v.Contains("the pause lasted only 0s", StringComparison.Ordinal));
    }

    [Fact]
    public void StepIndexGoingBack_AndAStepCompletedTwice_AreRepeats()
    {
        var history = Clean();
        history.Insert(3, Sample(35, 1, T0.AddSeconds(1), (20, 20)));
        var events = Completed(1, 2, 3, 4).Append(Completed(3).Single()).ToList();

        var violations = Audit(history, events).Violations;

        Assert.Contains(violations, v => v.Contains("step index went back from 2 to 1", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("StepCompleted for step 3/4 recorded 2 times", StringComparison.Ordinal));
    }

    [Fact]
    public void LostEvent_IsCountedAsMissing_NotAsAViolation()
    {
        var result = Audit(Clean(), Completed(1, 2, 4));

        Assert.Empty(result.Violations);
        Assert.Equal(1, result.EventsMissing);
    }

    private static StepAudit.Result Audit(IReadOnlyList<StatusSample> history, IReadOnlyList<Eventsv1Event> events) =>
        StepAudit.Check([Member], history, Revisions, events);

    /// <summary>setWeight 20, pause 2s, setWeight 50, pause 2s, then promoted: each version as the watch delivers it.</summary>
    private static List<StatusSample> Clean() =>
    [
        Sample(10, 0, T0, (20, 0)),
        Sample(20, 1, T0.AddSeconds(1), (20, 20)),
        Sample(30, 2, T0.AddSeconds(3), (50, 20)),
        Sample(40, 3, T0.AddSeconds(4), (50, 50)),
        new StatusSample("c-000", 50, new RolloutStatus { StableRevision = "v2", CurrentStepIndex = 4, LastProgressAt = T0.AddSeconds(6), Traffic = new TrafficStatus { DesiredWeight = 0, ObservedWeight = 0 } }),
    ];

    private static StatusSample Sample(long rv, int index, DateTimeOffset started, (int Desired, int Observed) weight) =>
        new("c-000", rv, new RolloutStatus
        {
            StableRevision = "v1",
            CanaryRevision = "v2",
            CurrentStepIndex = index,
            StepStartedAt = started,
            Traffic = new TrafficStatus { DesiredWeight = weight.Desired, ObservedWeight = weight.Observed },
        });

    private static List<Eventsv1Event> Completed(params int[] steps) =>
        [.. steps.Select(step => new Eventsv1Event
        {
            Reason = "StepCompleted",
            Note = $"Revision v2: step {step}/4 completed",
            Regarding = new V1ObjectReference { Name = "c-000" },
        })];
}
