namespace RolloutOperator.Core.Expressions;

// Only used inside the parser to unwind recursive descent; TryParse turns it into an error string.
internal sealed class ConditionSyntaxException : Exception
{
    public ConditionSyntaxException()
    {
    }

    public ConditionSyntaxException(string message)
        : base(message)
    {
    }

    public ConditionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConditionSyntaxException(int column, string message)
        : base($"column {column}: {message}")
    {
    }
}
