namespace RolloutOperator.Core.Api;

/// <summary>A whole manifest of one of our kinds, for offline use (samples, lint, plan).</summary>
public sealed class ResourceEnvelope<TSpec, TStatus>
    where TSpec : class
    where TStatus : class
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMetadata? Metadata { get; set; }

    public TSpec? Spec { get; set; }

    public TStatus? Status { get; set; }
}
