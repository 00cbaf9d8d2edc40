namespace RolloutOperator.Runtime.Tests;

/// <summary>Polls a condition in real time; for state reached by background workers.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met in time{(because is null ? string.Empty : ": " + because)}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Gives background work a moment, then asserts the condition still holds.</summary>
    public static async Task StaysTrueAsync(Func<bool> condition, TimeSpan? window = null)
    {
        var deadline = DateTime.UtcNow + (window ?? TimeSpan.FromMilliseconds(200));
        while (DateTime.UtcNow < deadline)
        {
            Assert.True(condition());
            await Task.Delay(10);
        }
    }
}
