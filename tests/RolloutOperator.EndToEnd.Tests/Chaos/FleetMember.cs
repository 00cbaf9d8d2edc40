namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// One Rollout of a chaos fleet. An analysed member has an analysis step between its two weights; a bad one (its name
/// ends in <c>-bad</c>) gets a failing value from the scripted Prometheus and must end aborted on its old revision.
/// </summary>
internal sealed record FleetMember(string Name, bool Analysed, bool Bad)
{
    public const int PauseSeconds = 2;

    /// <summary>setWeight 20, pause, [analysis], setWeight 50, pause.</summary>
    public IReadOnlyList<FleetStep> Steps => Analysed
        ? [new(FleetStepKind.Weight, 20), new(FleetStepKind.Pause, PauseSeconds), new(FleetStepKind.Analysis, 0), new(FleetStepKind.Weight, 50), new(FleetStepKind.Pause, PauseSeconds)]
        : [new(FleetStepKind.Weight, 20), new(FleetStepKind.Pause, PauseSeconds), new(FleetStepKind.Weight, 50), new(FleetStepKind.Pause, PauseSeconds)];

    /// <summary>The steps a bad member completes before its analysis fails it.</summary>
    public int StepsToComplete => Bad ? 2 : Steps.Count;
}
