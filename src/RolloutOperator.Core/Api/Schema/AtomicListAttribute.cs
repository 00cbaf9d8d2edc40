namespace RolloutOperator.Core.Api.Schema;

/// <summary>Marks a list as <c>x-kubernetes-list-type: atomic</c>: replaced whole by server-side apply (ordered steps are one unit).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AtomicListAttribute : Attribute
{
}
