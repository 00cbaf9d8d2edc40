namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The canary's traffic router as far as step validation needs it. <see cref="Name"/> is null for replica-ratio canaries
/// and for a trafficRouting block too broken to name a router; <see cref="Configured"/> tells the two apart, so that
/// steps are not blamed for an error already reported on the block.
/// </summary>
internal sealed record RouterInfo(string? Name, RouterCapabilities? Capabilities, IReadOnlySet<string> ManagedRoutes, bool Configured)
{
    public static RouterInfo None { get; } = new(null, null, new HashSet<string>(), Configured: false);
}
