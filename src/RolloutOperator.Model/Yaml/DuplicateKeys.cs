namespace RolloutOperator.Model.Yaml;

/// <summary>What a mapping that repeats a key becomes.</summary>
public enum DuplicateKeys
{
    /// <summary>Refused (what <c>kubectl apply</c> asks of the API server: strict field validation).</summary>
    Refuse,

    /// <summary>The last value wins (the API server's default field validation, which only warns).</summary>
    LastWins,
}
