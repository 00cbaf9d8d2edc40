using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>Answers every due measurement with <see cref="Value"/>, stamped on the harness clock, with a rendered query.</summary>
internal sealed class ClockedMeasurements : IMeasurementService
{
    private TimeProvider _clock = TimeProvider.System;

    public ClockedMeasurements On(TimeProvider clock)
    {
        _clock = clock;
        return this;
    }

    public double Value { get; set; } = 0.995;

    public Task<IReadOnlyList<MeasurementResult>> MeasureAsync(Rollout rollout, RolloutPlan plan, IReadOnlyList<DueMeasurement> due, CancellationToken cancellationToken)
    {
        IReadOnlyList<MeasurementResult> results =
        [
            .. due.Select(d => new MeasurementResult(d.AnalysisKey, d.Revision, d.Metric.Name, _clock.GetUtcNow(), [Value], null, $"sum(rate(ok{{revision=\"{d.Revision}\"}}[1m]))")),
        ];
        return Task.FromResult(results);
    }
}
