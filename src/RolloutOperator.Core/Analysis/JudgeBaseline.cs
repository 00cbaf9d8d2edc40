namespace RolloutOperator.Core.Analysis;

/// <summary>
/// Names of a judge's baseline: pods of the stable template started beside the canary. Their revision label is the stable
/// revision with a suffix, so the stable and canary Services (which select one revision exactly) never send them traffic
/// and a query tells them apart from the stable pods.
/// </summary>
public static class JudgeBaseline
{
    public const string Suffix = "-baseline";

    /// <summary>Marks a baseline Deployment and its pods; the value is the stable revision they run.</summary>
    public const string Label = Api.ApiGroup.Prefix + "baseline";

    public static string RevisionLabel(string stableRevision)
    {
        ArgumentNullException.ThrowIfNull(stableRevision);
        return stableRevision + Suffix;
    }
}
