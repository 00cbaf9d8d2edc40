namespace RolloutOperator.Core.Api.Schema;

/// <summary>An object whose inner fields the API server must keep as written (<c>x-kubernetes-preserve-unknown-fields</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PreserveUnknownFieldsAttribute : Attribute
{
}
