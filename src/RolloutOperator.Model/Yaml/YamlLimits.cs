namespace RolloutOperator.Model.Yaml;

/// <summary>
/// Bounds on what one input may expand to. Aliases make a few lines of YAML stand for billions of nodes, so nodes are
/// counted as they are built — an alias costs the size of what it repeats — and the input is refused past the limit.
/// </summary>
public static class YamlLimits
{
    /// <summary>Hundreds of Rollouts with their templates; a billion-laughs file passes it within milliseconds.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Real manifests nest about 15 levels; the operator's JSON decoding stops at 64.</summary>
    public const int MaxDepth = 60;
}
