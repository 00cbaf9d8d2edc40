using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

/// <summary>
/// A raw provider answer for one metric of one analysis. <see cref="Error"/> set: the measurement could not be taken.
/// Otherwise null or empty <see cref="Values"/> means no data.
/// </summary>
public sealed record MeasurementResult(
    string AnalysisKey,
    string Revision,
    string Metric,
    DateTimeOffset At,
    IReadOnlyList<double>? Values,
    string? Error,
    string? Query)
{
    /// <summary>A judge metric's samples; set instead of <see cref="Values"/> when the measurement succeeded.</summary>
    public JudgeObservation? Judge { get; init; }

    /// <summary>
    /// Set when the measurement has started but not finished (a job metric's Job is still running): nothing is judged,
    /// the metric only remembers what runs. <see cref="Values"/> and <see cref="Error"/> are then unset.
    /// </summary>
    public MeasurementInProgress? InProgress { get; init; }

    /// <summary>Set for an SLO metric whose queries were answered: the error ratios per revision and window.</summary>
    public SloReading? Slo { get; init; }
}
