namespace RolloutOperator.Core.Parsing;

/// <summary>The canary's traffic router as far as step validation needs it; <see cref="Name"/> is null for replica-ratio canaries.</summary>
internal sealed record RouterInfo(string? Name, RouterCapabilities? Capabilities, IReadOnlySet<string> ManagedRoutes)
{
    public static RouterInfo None { get; } = new(null, null, new HashSet<string>());
}
