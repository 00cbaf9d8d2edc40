using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>The schema defaults of a judge, applied by the parser (listed in <see cref="SpecDefaults.ByField"/>).</summary>
internal static class JudgeDefaults
{
    public const JudgeControl Control = JudgeControl.Stable;
    public const int PassScore = 95;
    public const int MarginalScore = 75;
    public const double Significance = 0.05;
    public const JudgeDirection Direction = JudgeDirection.Increase;
    public const double Tolerance = 0.1;
    public const int MinSamples = 10;
    public const int Weight = 1;
}
