namespace RolloutOperator.Core.Parsing;

/// <summary>A router named by the spec: its registered <see cref="Name"/> and the trafficRouting field that names it.</summary>
public sealed record NamedRouter(string Name, string Field);
