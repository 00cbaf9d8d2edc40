using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Core.Engine;

/// <summary>Everything the controller saw for one reconcile. <see cref="Traffic"/> is null until the router reports.</summary>
public sealed record RolloutObservation(
    DateTimeOffset Now,
    long Generation,
    IReadOnlyDictionary<string, RevisionObservation> Revisions,
    TrafficObservation? Traffic,
    IReadOnlyDictionary<ServiceRole, string?> Services,
    IReadOnlyList<MeasurementResult> Measurements,
    IReadOnlyList<UserCommand> Commands)
{
    /// <summary>Roles whose Service the spec names but which does not exist: traffic through them goes nowhere.</summary>
    public IReadOnlyList<ServiceRole> MissingServices { get; init; } = [];

    /// <summary>Baseline Deployments of a judge that exist now (normally none or one).</summary>
    public IReadOnlyList<BaselineObservation> Baselines { get; init; } = [];

    /// <summary>The error-budget policy's measurement, when one was due and taken this reconcile.</summary>
    public ErrorBudgetReading? ErrorBudget { get; init; }

    /// <summary>Answers of the webhook calls made for due gates this reconcile (see <see cref="GateScheduler"/>).</summary>
    public IReadOnlyList<GateResult> GateResults { get; init; } = [];
}
