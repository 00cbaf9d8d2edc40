namespace RolloutOperator.Core.Expressions;

internal enum TokenKind
{
    Int,
    Double,
    Identifier,
    Operator,
    End,
}
