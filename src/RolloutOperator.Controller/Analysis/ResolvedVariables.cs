namespace RolloutOperator.Controller.Analysis;

/// <summary>Placeholder values for one query; <see cref="SecretNames"/> are those whose value came from a Secret.</summary>
internal sealed record ResolvedVariables(Dictionary<string, string> Values, IReadOnlySet<string> SecretNames, IReadOnlyList<string> Errors)
{
    public const string Redacted = "redacted";

    /// <summary>The values with every Secret-sourced one replaced, for the query kept in status and events.</summary>
    public Dictionary<string, string> ForDisplay() =>
        Values.ToDictionary(pair => pair.Key, pair => SecretNames.Contains(pair.Key) ? Redacted : pair.Value, StringComparer.Ordinal);
}
