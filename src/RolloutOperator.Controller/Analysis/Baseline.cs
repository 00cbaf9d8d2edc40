using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Analysis;

/// <summary>A metric's verdict counters for one revision, as last exported.</summary>
internal sealed record Baseline(string Revision, int Successful, int Failed, int Inconclusive, int Error)
{
    public int Total => Successful + Failed + Inconclusive + Error;

    public static Baseline Empty(string revision) => new(revision, 0, 0, 0, 0);

    public static Baseline Of(string revision, MetricStatus metric) =>
        new(revision, metric.Successful, metric.Failed, metric.Inconclusive, metric.Error);

    public Baseline Minus(Baseline other) =>
        new(Revision, Successful - other.Successful, Failed - other.Failed, Inconclusive - other.Inconclusive, Error - other.Error);

    public int For(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Successful => Successful,
        AnalysisPhase.Failed => Failed,
        AnalysisPhase.Inconclusive => Inconclusive,
        AnalysisPhase.Error => Error,
        _ => 0,
    };
}
