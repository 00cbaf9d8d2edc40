namespace RolloutOperator.Core.Expressions;

// Immutable chain of variable bindings; macros push their iteration variable on top.
internal sealed class Scope(string name, Value value, Scope? parent, Budget budget)
{
    public const int MaxSteps = 1_000_000;

    public Budget Budget { get; } = budget;

    public Value? Lookup(string variable)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Name == variable)
            {
                return scope.Value;
            }
        }

        return null;
    }

    public Scope Bind(string variable, Value bound) => new(variable, bound, this, Budget);

    public static Scope ForMeasurement(IReadOnlyList<double> values)
    {
        var results = new Scope("results", Value.Of(values), null, new Budget(MaxSteps));
        var result = values.Count == 1 ? Value.Of(values[0]) : Value.Of(values);
        return results.Bind("result", result);
    }

    private string Name { get; } = name;

    private Value Value { get; } = value;

    private Scope? Parent { get; } = parent;
}
