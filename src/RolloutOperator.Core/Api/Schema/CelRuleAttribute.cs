namespace RolloutOperator.Core.Api.Schema;

/// <summary>A CEL rule rendered as <c>x-kubernetes-validations</c> on the type or property it decorates.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;

    /// <summary>Optional field path the error points at (CRD <c>fieldPath</c>).</summary>
    public string? FieldPath { get; init; }
}
