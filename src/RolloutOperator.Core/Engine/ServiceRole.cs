namespace RolloutOperator.Core.Engine;

public enum ServiceRole
{
    Stable,
    Canary,
    Active,
    Preview,
}
