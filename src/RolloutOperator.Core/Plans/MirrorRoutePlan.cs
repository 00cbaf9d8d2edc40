namespace RolloutOperator.Core.Plans;

/// <summary>
/// Mirror <see cref="Percentage"/> percent (0..100, at most two decimals) of the requests that match every header match
/// to the canary. No matches: every request the managed routes carry.
/// </summary>
public sealed record MirrorRoutePlan(string Name, IReadOnlyList<HeaderMatchPlan> Matches, double Percentage)
{
    /// <summary>The share in hundredths of a percent (basis points of 10 000), exact where the double is not.</summary>
    public int Hundredths => (int)Math.Round(Percentage * 100, MidpointRounding.AwayFromZero);
}
