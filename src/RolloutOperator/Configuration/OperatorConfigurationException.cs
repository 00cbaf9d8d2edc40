namespace RolloutOperator.Configuration;

/// <summary>The process cannot start as configured; the message says what to fix.</summary>
public sealed class OperatorConfigurationException : Exception
{
    public OperatorConfigurationException()
    {
    }

    public OperatorConfigurationException(string message)
        : base(message)
    {
    }

    public OperatorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
