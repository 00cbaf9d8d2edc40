namespace RolloutOperator.Core.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Assembly_Loads_HasName()
    {
        Assert.Equal("RolloutOperator.Core", typeof(RolloutOperator.Core.CoreAssembly).Assembly.GetName().Name);
    }
}
