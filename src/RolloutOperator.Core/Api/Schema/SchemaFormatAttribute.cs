namespace RolloutOperator.Core.Api.Schema;

/// <summary>The schema's <c>format</c> (for example <c>date-time</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SchemaFormatAttribute(string format) : Attribute
{
    public string Format { get; } = format;
}
