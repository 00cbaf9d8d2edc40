using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Outbound;

/// <summary>
/// One outbound call. <see cref="Namespace"/> is the namespace of the object that named the address: Secret-backed headers
/// are read from it and nowhere else. <see cref="Timeout"/> null: the operator's default; always capped by its maximum.
/// </summary>
internal sealed record OutboundRequest(Uri Address, string Namespace)
{
    public HttpMethod Method { get; init; } = HttpMethod.Post;

    /// <summary>The body (JSON unless <see cref="ContentType"/> says otherwise); null sends none.</summary>
    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyList<OutboundHeader> Headers { get; init; } = [];

    public TimeSpan? Timeout { get; init; }

    /// <summary>Retries of transient failures; null: the operator's maximum. Never more than the maximum.</summary>
    public int? Retries { get; init; }

    /// <summary>Collects the secret values used so the caller can scrub its own texts too; a fresh one when null.</summary>
    public SecretScrubber? Scrubber { get; init; }
}
