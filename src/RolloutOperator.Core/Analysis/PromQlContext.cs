namespace RolloutOperator.Core.Analysis;

// Where a placeholder sits in the PromQL text; decides how its value must be encoded.
internal enum PromQlContext
{
    Code,
    Comment,
    DoubleQuoted,
    SingleQuoted,
    Backtick,
}
