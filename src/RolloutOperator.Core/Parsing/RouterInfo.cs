namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The canary's traffic routers as far as step validation needs them. <see cref="Names"/> is empty for replica-ratio
/// canaries and for a trafficRouting block too broken to name a router; <see cref="Configured"/> tells the two apart, so
/// that steps are not blamed for an error already reported on the block. <see cref="Capabilities"/> holds the registered
/// routers among <see cref="Names"/> (an unknown name is reported on the block).
/// </summary>
internal sealed record RouterInfo(
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<string, RouterCapabilities> Capabilities,
    IReadOnlySet<string> ManagedRoutes,
    bool Configured)
{
    public static RouterInfo None { get; } = new([], new Dictionary<string, RouterCapabilities>(), new HashSet<string>(), Configured: false);

    /// <summary>The first named router that lacks a capability, for an error that names it.</summary>
    public string? Lacking(Func<RouterCapabilities, bool> supports) =>
        Names.FirstOrDefault(n => Capabilities.TryGetValue(n, out var c) && !supports(c));
}
