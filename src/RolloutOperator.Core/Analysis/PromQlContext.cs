namespace RolloutOperator.Core.Analysis;

// Where a placeholder sits in the PromQL text; decides how its value must be encoded. The Regex* literals are the
// operands of =~ and !~, where a value is also a regular expression and must be quoted for RE2 first.
internal enum PromQlContext
{
    Code,
    Comment,
    DoubleQuoted,
    SingleQuoted,
    Backtick,
    RegexDoubleQuoted,
    RegexSingleQuoted,
    RegexBacktick,
}
