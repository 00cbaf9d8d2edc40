namespace RolloutOperator.Cli.Infrastructure;

/// <summary>An expected failure with a message for the user and the exit code it maps to; never carries a stack trace to the terminal.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Error)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this("error")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Error;
    }

    public int ExitCode { get; }
}
