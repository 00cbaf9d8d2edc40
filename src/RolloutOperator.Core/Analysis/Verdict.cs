using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

internal readonly record struct Verdict(AnalysisPhase Phase, string Message)
{
    // When criteria disagree the worst wins: Failed, then Error, then Inconclusive, then Successful.
    public static Verdict Worst(Verdict a, Verdict b) => Rank(b.Phase) > Rank(a.Phase) ? b : a;

    private static int Rank(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Failed => 4,
        AnalysisPhase.Error => 3,
        AnalysisPhase.Inconclusive => 2,
        AnalysisPhase.Successful => 1,
        _ => 0,
    };
}
