namespace RolloutOperator.Core.Expressions;

// Runtime semantics of the operators, following CEL: no implicit int/double conversion in arithmetic,
// checked int arithmetic, IEEE doubles, and cross-type numeric comparison.
internal static class Operators
{
    public static EvalResult Arithmetic(string op, Value left, Value right)
    {
        if (left.Kind == ValueKind.Int && right.Kind == ValueKind.Int)
        {
            return IntArithmetic(op, left.Int, right.Int);
        }

        if (left.Kind == ValueKind.Double && right.Kind == ValueKind.Double && op != "%")
        {
            return EvalResult.Ok(DoubleArithmetic(op, left.Double, right.Double));
        }

        return EvalResult.Fail($"no operator {left.TypeName} {op} {right.TypeName}");
    }

    public static EvalResult Negate(Value value) => value.Kind switch
    {
        ValueKind.Double => EvalResult.Ok(-value.Double),
        ValueKind.Int when value.Int == long.MinValue => EvalResult.Fail("int overflow"),
        ValueKind.Int => EvalResult.Ok(-value.Int),
        _ => EvalResult.Fail($"no operator -{value.TypeName}"),
    };

    public static EvalResult Not(Value value) => value.Kind == ValueKind.Bool
        ? EvalResult.Ok(!value.Bool)
        : EvalResult.Fail($"no operator !{value.TypeName}");

    public static EvalResult Compare(string op, Value left, Value right)
    {
        if (op is "==" or "!=")
        {
            return EvalResult.Ok(Equal(left, right) == (op == "=="));
        }

        if (!left.IsNumber || !right.IsNumber)
        {
            return EvalResult.Fail($"no operator {left.TypeName} {op} {right.TypeName}");
        }

        return EvalResult.Ok(Order(op, left, right));
    }

    private static bool Order(string op, Value left, Value right)
    {
        if (left.Kind == ValueKind.Int && right.Kind == ValueKind.Int)
        {
            var c = left.Int.CompareTo(right.Int);
            return op switch { "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
        }

        // Plain IEEE comparison, so NaN compares false against everything.
        double l = left.AsDouble, r = right.AsDouble;
        return op switch { "<" => l < r, "<=" => l <= r, ">" => l > r, _ => l >= r };
    }

    private static bool Equal(Value left, Value right)
    {
        if (left.IsNumber && right.IsNumber)
        {
            return left.Kind == ValueKind.Int && right.Kind == ValueKind.Int
                ? left.Int == right.Int
                : left.AsDouble == right.AsDouble;
        }

        return (left.Kind, right.Kind) switch
        {
            (ValueKind.Bool, ValueKind.Bool) => left.Bool == right.Bool,
            (ValueKind.List, ValueKind.List) => left.List!.SequenceEqual(right.List!),
            _ => false, // CEL heterogeneous equality: different types are simply not equal.
        };
    }

    private static double DoubleArithmetic(string op, double l, double r) => op switch
    {
        "+" => l + r,
        "-" => l - r,
        "*" => l * r,
        _ => l / r,
    };

    private static EvalResult IntArithmetic(string op, long l, long r)
    {
        if (op is "/" or "%")
        {
            if (r == 0)
            {
                return EvalResult.Fail(op == "/" ? "division by zero" : "modulus by zero");
            }

            if (l == long.MinValue && r == -1)
            {
                return EvalResult.Fail("int overflow");
            }

            return EvalResult.Ok(op == "/" ? l / r : l % r);
        }

        var value = op switch { "+" => unchecked(l + r), "-" => unchecked(l - r), _ => unchecked(l * r) };
        return Overflows(op, l, r, value) ? EvalResult.Fail("int overflow") : EvalResult.Ok(value);
    }

    private static bool Overflows(string op, long l, long r, long value) => op switch
    {
        "+" => ((l ^ value) & (r ^ value)) < 0,
        "-" => ((l ^ r) & (l ^ value)) < 0,
        _ => Math.BigMul(l, r, out var low) != (low >> 63),
    };
}
