namespace RolloutOperator.Core.Analysis;

/// <summary>
/// A Mann-Whitney U test of canary against control, computed by the controller (the normal distribution comes from a
/// statistics library, which Core may not reference). <paramref name="U"/> is the canary's U, <paramref name="Z"/> its
/// tie- and continuity-corrected normal score (positive: the canary ranks higher), <paramref name="PValue"/> two-sided.
/// </summary>
public sealed record RankSumTest(double U, double Z, double PValue);
