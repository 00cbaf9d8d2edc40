namespace RolloutOperator.Core;

/// <summary>Anchor type for reflection over the Core assembly (architecture tests, the CRD generator).</summary>
public static class CoreAssembly
{
}
