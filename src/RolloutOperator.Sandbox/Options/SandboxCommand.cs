namespace RolloutOperator.Sandbox.Options;

internal enum SandboxCommand
{
    Up,
    Demo,
    Apply,
    Help,
}
