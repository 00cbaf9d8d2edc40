namespace RolloutOperator.Core.Plans;

public enum StringMatchKind
{
    Exact,
    Prefix,
    Regex,
}
