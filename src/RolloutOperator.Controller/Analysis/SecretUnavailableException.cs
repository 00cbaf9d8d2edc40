namespace RolloutOperator.Controller.Analysis;

/// <summary>A referenced Secret key cannot be read. The message names the Secret and key, never a value.</summary>
internal sealed class SecretUnavailableException : Exception
{
    public SecretUnavailableException()
    {
    }

    public SecretUnavailableException(string message)
        : base(message)
    {
    }

    public SecretUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
