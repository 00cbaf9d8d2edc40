namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>A metric's connection settings cannot be used (unreadable token file, bad CA bundle); the message names the source, never a secret.</summary>
internal sealed class ProviderSetupException : Exception
{
    public ProviderSetupException()
    {
    }

    public ProviderSetupException(string message)
        : base(message)
    {
    }

    public ProviderSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
