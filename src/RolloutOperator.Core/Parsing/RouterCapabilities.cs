namespace RolloutOperator.Core.Parsing;

/// <summary>What a registered traffic router can do, so that a spec asking for more is rejected at parse time.</summary>
public sealed record RouterCapabilities(bool SupportsHeaderRoutes, bool SupportsMirrorRoutes = false);
