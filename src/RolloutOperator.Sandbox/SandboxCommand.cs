namespace RolloutOperator.Sandbox;

internal enum SandboxCommand
{
    Up,
    Demo,
    Apply,
    Help,
}
