namespace RolloutOperator.Core.Api.Schema;

/// <summary>An ECMA-262 pattern rendered as the schema's <c>pattern</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}
