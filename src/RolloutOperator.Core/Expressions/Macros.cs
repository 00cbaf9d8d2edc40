namespace RolloutOperator.Core.Expressions;

// CEL's all/exists macros with CEL's error absorption: a decisive element wins over an erroring one.
internal static class Macros
{
    public static Node Compile(Token macro, Node target, string variable, Node predicate)
    {
        var exists = macro.Text == "exists";
        TypeRules.RequireList(target.Type, $"{macro.Text}()", macro.Column);
        TypeRules.RequireBool(predicate.Type, $"the predicate of {macro.Text}()", macro.Column);

        EvalResult Eval(Scope scope)
        {
            var t = target.Eval(scope);
            if (t.IsError)
            {
                return t;
            }

            return t.Value.Kind == ValueKind.List
                ? Iterate(t.Value.List!, scope, variable, predicate, exists)
                : EvalResult.Fail($"{macro.Text}() applies to a list, got {t.Value.TypeName} (use `results` for a list even with one value)");
        }

        var height = Math.Max(target.Height, predicate.Height) + 1;
        return Nodes.Make(Eval, StaticType.Bool, height, macro.Column);
    }

    private static EvalResult Iterate(IReadOnlyList<double> list, Scope scope, string variable, Node predicate, bool exists)
    {
        string? error = null;
        foreach (var item in list)
        {
            if (!scope.Budget.TrySpend())
            {
                return EvalResult.Fail("evaluation exceeded its step budget");
            }

            var r = predicate.Eval(scope.Bind(variable, Value.Of(item)));
            if (!r.IsError && r.Value.Kind != ValueKind.Bool)
            {
                r = EvalResult.Fail($"a macro predicate must be a bool, got {r.Value.TypeName}");
            }

            if (r.IsError)
            {
                error ??= r.Error;
            }
            else if (r.Value.Bool == exists)
            {
                return EvalResult.Ok(exists);
            }
        }

        return error is null ? EvalResult.Ok(!exists) : EvalResult.Fail(error);
    }
}
