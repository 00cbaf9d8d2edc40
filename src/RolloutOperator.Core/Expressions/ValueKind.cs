namespace RolloutOperator.Core.Expressions;

internal enum ValueKind
{
    Int,
    Double,
    Bool,
    List,
}
