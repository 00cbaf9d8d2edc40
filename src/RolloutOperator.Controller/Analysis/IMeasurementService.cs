using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Takes the measurements that are due: resolves arguments, renders queries, asks the provider. A measurement that could
/// not be taken comes back as an error result, never as an exception and never as a pass.
/// </summary>
internal interface IMeasurementService
{
    Task<IReadOnlyList<MeasurementResult>> MeasureAsync(Rollout rollout, RolloutPlan plan, IReadOnlyList<DueMeasurement> due, CancellationToken cancellationToken);

    /// <summary>
    /// Measures the service's error ratio for the error-budget policy. A service that cannot measure answers with an
    /// error reading, which the policy treats like a provider outage (bounded, then the budget counts as unknown).
    /// </summary>
    Task<ErrorBudgetReading> MeasureErrorBudgetAsync(Rollout rollout, ErrorBudgetPlan policy, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult(new ErrorBudgetReading(at, double.NaN, "this measurement service cannot measure an error budget", null));
}
