using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Engine;

/// <summary>
/// Which webhooks the controller must call now: every gate or hook the engine recorded as waiting whose next call time
/// has come. The engine decides when a gate starts waiting; this only reads status, so a call happens at most once per
/// interval whatever wakes the Rollout.
/// </summary>
public static class GateScheduler
{
    public static IReadOnlyList<DueGate> Due(RolloutPlan plan, RolloutStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(status);
        if (status.Gates is null)
        {
            return [];
        }

        var due = new List<DueGate>();
        foreach (var gate in status.Gates)
        {
            if (gate.Phase != GatePhase.Waiting || (gate.NextCallAt ?? gate.Since) > now)
            {
                continue;
            }

            if (plan.Webhooks.FirstOrDefault(w => w.Name == gate.Name && w.Type == gate.Type) is { } webhook)
            {
                due.Add(new DueGate(webhook, gate));
            }
        }

        return due;
    }
}
