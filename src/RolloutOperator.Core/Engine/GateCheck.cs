using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Engine;

/// <summary>Where the gates of one type stand at one point: passed (or none), waiting, or failed with why.</summary>
internal sealed record GateCheck(GatePhase Phase, string Message)
{
    public static GateCheck Passed { get; } = new(GatePhase.Passed, "");
}
