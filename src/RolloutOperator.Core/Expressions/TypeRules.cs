namespace RolloutOperator.Core.Expressions;

// Parse-time type checks: a condition that can never type-check is an invalid spec, not a failing measurement.
internal static class TypeRules
{
    public static StaticType Arithmetic(string op, StaticType left, StaticType right, int column)
    {
        RequireNot(left, StaticType.Bool, $"operator {op} does not apply to bool", column);
        RequireNot(right, StaticType.Bool, $"operator {op} does not apply to bool", column);
        RequireNot(left, StaticType.List, $"operator {op} does not apply to a list", column);
        RequireNot(right, StaticType.List, $"operator {op} does not apply to a list", column);
        if (IsInt(left) && IsDoubleLike(right) || IsDoubleLike(left) && IsInt(right))
        {
            throw new ConditionSyntaxException(column, $"int and double do not mix in CEL arithmetic; write integer literals as doubles, e.g. 100.0");
        }

        if (op == "%" && (IsDoubleLike(left) || IsDoubleLike(right)))
        {
            throw new ConditionSyntaxException(column, "operator % applies to ints only");
        }

        return left == StaticType.Int && right == StaticType.Int ? StaticType.Int
            : IsDoubleLike(left) || IsDoubleLike(right) ? StaticType.Double
            : StaticType.Unknown;
    }

    public static void Ordering(string op, StaticType left, StaticType right, int column)
    {
        foreach (var type in (ReadOnlySpan<StaticType>)[left, right])
        {
            if (type is StaticType.Bool or StaticType.List)
            {
                throw new ConditionSyntaxException(column, $"operator {op} applies to numbers only");
            }
        }
    }

    public static void RequireBool(StaticType type, string what, int column)
    {
        if (type is not (StaticType.Bool or StaticType.Unknown))
        {
            throw new ConditionSyntaxException(column, $"{what} must be a bool, got {Name(type)}");
        }
    }

    public static void RequireList(StaticType type, string what, int column)
    {
        if (type is not (StaticType.List or StaticType.DoubleOrList or StaticType.Unknown))
        {
            throw new ConditionSyntaxException(column, $"{what} applies to a list, got {Name(type)}");
        }
    }

    public static void RequireNumber(StaticType type, string what, int column)
    {
        if (type is StaticType.Bool or StaticType.List)
        {
            throw new ConditionSyntaxException(column, $"{what} applies to a number, got {Name(type)}");
        }
    }

    public static string Name(StaticType type) => type switch
    {
        StaticType.Int => "int",
        StaticType.Double => "double",
        StaticType.Bool => "bool",
        StaticType.List => "list",
        StaticType.DoubleOrList => "double or list",
        _ => "unknown",
    };

    private static bool IsInt(StaticType type) => type == StaticType.Int;

    // `result` is a double or a list; a list is rejected elsewhere, so in arithmetic it is a double.
    private static bool IsDoubleLike(StaticType type) => type is StaticType.Double or StaticType.DoubleOrList;

    private static void RequireNot(StaticType type, StaticType banned, string message, int column)
    {
        if (type == banned)
        {
            throw new ConditionSyntaxException(column, message);
        }
    }
}
