namespace RolloutOperator.Core.Expressions;

// Global functions. size is standard CEL; the others are what a CEL environment would declare as extensions.
internal static class Functions
{
    public static Node Compile(Token name, IReadOnlyList<Node> args)
    {
        var column = name.Column;
        RequireArity(name, args, 1);
        var arg = args[0];
        switch (name.Text)
        {
            case "size":
                TypeRules.RequireList(arg.Type, "size()", column);
                return Nodes.Apply(arg, StaticType.Int, v => OnList("size", v, l => EvalResult.Ok((long)l.Count)), column);
            case "isNaN":
                TypeRules.RequireNumber(arg.Type, "isNaN()", column);
                if (arg.Type == StaticType.Int)
                {
                    throw new ConditionSyntaxException(column, "isNaN() applies to a double, got int");
                }

                return Nodes.Apply(arg, StaticType.Bool, IsNaN, column);
            case "abs":
                TypeRules.RequireNumber(arg.Type, "abs()", column);
                return Nodes.Apply(arg, arg.Type == StaticType.DoubleOrList ? StaticType.Double : arg.Type, Abs, column);
            case "min" or "max" or "sum" or "avg":
                TypeRules.RequireList(arg.Type, $"{name.Text}()", column);
                return Nodes.Apply(arg, StaticType.Double, v => OnList(name.Text, v, l => Aggregate(name.Text, l)), column);
            default:
                throw new ConditionSyntaxException(column, $"unknown function '{name.Text}'");
        }
    }

    private static void RequireArity(Token name, IReadOnlyList<Node> args, int arity)
    {
        if (args.Count != arity)
        {
            throw new ConditionSyntaxException(name.Column, $"{name.Text}() takes {arity} argument, got {args.Count}");
        }
    }

    private static EvalResult OnList(string function, Value value, Func<IReadOnlyList<double>, EvalResult> body) =>
        value.Kind == ValueKind.List
            ? body(value.List!)
            : EvalResult.Fail($"{function}() applies to a list, got {value.TypeName} (use `results` for a list even with one value)");

    private static EvalResult IsNaN(Value value) => value.Kind == ValueKind.Double
        ? EvalResult.Ok(double.IsNaN(value.Double))
        : EvalResult.Fail($"isNaN() applies to a double, got {value.TypeName}");

    private static EvalResult Abs(Value value) => value.Kind switch
    {
        ValueKind.Double => EvalResult.Ok(Math.Abs(value.Double)),
        ValueKind.Int when value.Int == long.MinValue => EvalResult.Fail("int overflow"),
        ValueKind.Int => EvalResult.Ok(Math.Abs(value.Int)),
        _ => EvalResult.Fail($"abs() applies to a number, got {value.TypeName}"),
    };

    private static EvalResult Aggregate(string function, IReadOnlyList<double> values)
    {
        if (values.Count == 0 && function != "sum")
        {
            return EvalResult.Fail($"{function}() of an empty list");
        }

        // Math.Min/Max propagate NaN, so a NaN anywhere shows in the result rather than being skipped silently.
        double acc = function switch { "min" => double.PositiveInfinity, "max" => double.NegativeInfinity, _ => 0 };
        foreach (var v in values)
        {
            acc = function switch { "min" => Math.Min(acc, v), "max" => Math.Max(acc, v), _ => acc + v };
        }

        return EvalResult.Ok(function == "avg" ? acc / values.Count : acc);
    }
}
