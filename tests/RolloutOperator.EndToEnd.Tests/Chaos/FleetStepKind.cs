namespace RolloutOperator.EndToEnd.Tests.Chaos;

internal enum FleetStepKind
{
    Weight,
    Pause,
    Analysis,
}
