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
    /// <summary>Set for an SLO metric whose queries were answered: the error ratios per revision and window.</summary>
    public SloReading? Slo { get; init; }
}
