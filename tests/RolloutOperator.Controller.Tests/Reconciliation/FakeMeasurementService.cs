using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>Answers every due measurement with a fixed value; records what was asked.</summary>
internal sealed class FakeMeasurementService : IMeasurementService
{
    public List<DueMeasurement> Asked { get; } = [];

    public double Value { get; set; } = 1;

    public Task<IReadOnlyList<MeasurementResult>> MeasureAsync(Rollout rollout, RolloutPlan plan, IReadOnlyList<DueMeasurement> due, CancellationToken cancellationToken)
    {
        lock (Asked)
        {
            Asked.AddRange(due);
        }

        IReadOnlyList<MeasurementResult> results = due
            .Select(d => new MeasurementResult(d.AnalysisKey, d.Revision, d.Metric.Name, DateTimeOffset.UtcNow, [Value], null, "fake"))
            .ToList();
        return Task.FromResult(results);
    }
}
