namespace RolloutOperator.Core.Expressions;

internal delegate EvalResult Evaluator(Scope scope);

// A compiled sub-expression. Height bounds evaluation recursion, so evaluation cannot overflow the stack.
internal readonly record struct Node(Evaluator Eval, StaticType Type, int Height);
