namespace RolloutOperator.Core.Api.Schema;

/// <summary>A value that may be an integer or a string such as "25%" (<c>x-kubernetes-int-or-string</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IntOrStringAttribute : Attribute
{
}
