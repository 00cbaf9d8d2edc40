namespace RolloutOperator.Sandbox.Tests;

/// <summary>Sandbox runs are timing-sensitive end-to-end runs; one at a time keeps them off each other's CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxTestGroup
{
    public const string Name = "sandbox";
}
