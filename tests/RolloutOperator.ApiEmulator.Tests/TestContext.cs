namespace RolloutOperator.ApiEmulator.Tests;

/// <summary>A generous per-test deadline so a hung watch fails the test instead of the run.</summary>
internal static class TestContext
{
    public static CancellationToken Current => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
}
