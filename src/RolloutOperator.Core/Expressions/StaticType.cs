namespace RolloutOperator.Core.Expressions;

// What the parser knows about an expression's type; enough to reject CEL type errors before any measurement.
internal enum StaticType
{
    Unknown,
    Int,
    Double,
    Bool,
    List,

    // `result`: a double for a single value, a list otherwise.
    DoubleOrList,
}
