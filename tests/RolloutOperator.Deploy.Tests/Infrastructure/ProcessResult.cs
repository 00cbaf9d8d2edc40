namespace RolloutOperator.Deploy.Tests.Infrastructure;

internal sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"`{Command}` exited {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    /// <summary>Fails the test with the whole output when the command did not succeed.</summary>
    public ProcessResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, Describe());
        return this;
    }
}
