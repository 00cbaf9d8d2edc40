namespace RolloutOperator.Core.Expressions;

// Lists only ever hold measurement values, so they are lists of doubles.
internal readonly record struct Value(ValueKind Kind, long Int, double Double, bool Bool, IReadOnlyList<double>? List)
{
    public static Value Of(long value) => new(ValueKind.Int, value, 0, false, null);

    public static Value Of(double value) => new(ValueKind.Double, 0, value, false, null);

    public static Value Of(bool value) => new(ValueKind.Bool, 0, 0, value, null);

    public static Value Of(IReadOnlyList<double> value) => new(ValueKind.List, 0, 0, false, value);

    public bool IsNumber => Kind is ValueKind.Int or ValueKind.Double;

    public double AsDouble => Kind == ValueKind.Int ? Int : Double;

    public string TypeName => Kind switch
    {
        ValueKind.Int => "int",
        ValueKind.Double => "double",
        ValueKind.Bool => "bool",
        _ => "list",
    };
}
