namespace RolloutOperator.Controller.Analysis;

/// <summary>A provider's answer. <see cref="Error"/> set: no measurement could be taken. Otherwise empty values mean no data.</summary>
internal sealed record MetricQueryResult(IReadOnlyList<double> Values, string? Error)
{
    public static MetricQueryResult NoData { get; } = new([], null);

    public static MetricQueryResult Data(IReadOnlyList<double> values) => new(values, null);

    public static MetricQueryResult Failed(string error) => new([], error);
}
