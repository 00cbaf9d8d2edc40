namespace RolloutOperator.Core.Expressions;

// Builds compiled nodes; every constructor checks the height bound so evaluation recursion stays bounded.
internal static class Nodes
{
    public static Node Literal(Value value) => new(_ => EvalResult.Ok(value), TypeOf(value.Kind), 1);

    public static Node Variable(string name, StaticType type) =>
        new(scope => scope.Lookup(name) is { } v ? EvalResult.Ok(v) : EvalResult.Fail($"unbound variable {name}"), type, 1);

    public static Node Apply(Node arg, StaticType type, Func<Value, EvalResult> op, int column)
    {
        EvalResult Eval(Scope scope)
        {
            var a = arg.Eval(scope);
            return a.IsError ? a : op(a.Value);
        }

        return Make(Eval, type, arg.Height + 1, column);
    }

    public static Node Binary(Node left, Node right, StaticType type, Func<Value, Value, EvalResult> op, int column)
    {
        EvalResult Eval(Scope scope)
        {
            var l = left.Eval(scope);
            if (l.IsError)
            {
                return l;
            }

            var r = right.Eval(scope);
            return r.IsError ? r : op(l.Value, r.Value);
        }

        return Make(Eval, type, Math.Max(left.Height, right.Height) + 1, column);
    }

    // CEL's commutative && and ||: a decisive operand wins even when the other one errors.
    public static Node Logical(Node left, Node right, bool isAnd, int column)
    {
        EvalResult Eval(Scope scope)
        {
            var l = Decide(left.Eval(scope), isAnd);
            if (!l.IsError && l.Value.Bool != isAnd)
            {
                return l;
            }

            var r = Decide(right.Eval(scope), isAnd);
            return r.IsError || r.Value.Bool != isAnd ? r : l;
        }

        return Make(Eval, StaticType.Bool, Math.Max(left.Height, right.Height) + 1, column);
    }

    public static Node Conditional(Node condition, Node then, Node otherwise, int column)
    {
        EvalResult Eval(Scope scope)
        {
            var c = condition.Eval(scope);
            if (c.IsError)
            {
                return c;
            }

            return c.Value.Kind != ValueKind.Bool
                ? EvalResult.Fail($"the condition of ?: must be a bool, got {c.Value.TypeName}")
                : c.Value.Bool ? then.Eval(scope) : otherwise.Eval(scope);
        }

        var type = then.Type == otherwise.Type ? then.Type : StaticType.Unknown;
        return Make(Eval, type, Math.Max(condition.Height, Math.Max(then.Height, otherwise.Height)) + 1, column);
    }

    public static Node Index(Node target, Node index, int column) => Binary(target, index, StaticType.Double, IndexInto, column);

    private static EvalResult IndexInto(Value target, Value index)
    {
        if (target.Kind != ValueKind.List)
        {
            return EvalResult.Fail($"cannot index a {target.TypeName} (use `results[i]`, which is a list even with one value)");
        }

        if (index.Kind != ValueKind.Int)
        {
            return EvalResult.Fail($"a list index must be an int, got {index.TypeName}");
        }

        var list = target.List!;
        return index.Int >= 0 && index.Int < list.Count
            ? EvalResult.Ok(list[(int)index.Int])
            : EvalResult.Fail($"index {index.Int} out of range for a list of size {list.Count}");
    }

    private static EvalResult Decide(EvalResult operand, bool isAnd) =>
        operand.IsError || operand.Value.Kind == ValueKind.Bool
            ? operand
            : EvalResult.Fail($"operator {(isAnd ? "&&" : "||")} applies to bools, got {operand.Value.TypeName}");

    public static Node Make(Evaluator eval, StaticType type, int height, int column) =>
        height > ConditionLanguage.MaxDepth
            ? throw new ConditionSyntaxException(column, $"expression nests deeper than {ConditionLanguage.MaxDepth}")
            : new Node(eval, type, height);

    private static StaticType TypeOf(ValueKind kind) => kind switch
    {
        ValueKind.Int => StaticType.Int,
        ValueKind.Double => StaticType.Double,
        ValueKind.Bool => StaticType.Bool,
        _ => StaticType.List,
    };
}
