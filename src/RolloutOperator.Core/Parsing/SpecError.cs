namespace RolloutOperator.Core.Parsing;

/// <summary>One problem in a manifest. <see cref="Path"/> is the field path as the user wrote it, e.g. <c>spec.strategy.canary.steps[2].setWeight</c>.</summary>
public sealed record SpecError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
