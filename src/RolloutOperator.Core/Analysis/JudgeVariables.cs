using System.Collections.Frozen;

namespace RolloutOperator.Core.Analysis;

/// <summary>The placeholder only a judge's queries have: the revision of the side being queried.</summary>
public static class JudgeVariables
{
    public const string Revision = "judge.revision";

    public static FrozenSet<string> Names { get; } = FrozenSet.Create(StringComparer.Ordinal, Revision);
}
