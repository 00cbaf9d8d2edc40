namespace RolloutOperator.Model.Yaml;

/// <summary>A document broke a <see cref="YamlLimits"/> bound or a rule of the API server's decoder; the reason is user-facing.</summary>
internal sealed class YamlRefusedException : Exception
{
    public YamlRefusedException()
    {
    }

    public YamlRefusedException(string message)
        : base(message)
    {
    }

    public YamlRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
