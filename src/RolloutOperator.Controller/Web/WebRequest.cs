using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.JsonPaths;

namespace RolloutOperator.Controller.Web;

/// <summary>
/// One rendered web measurement. Secret-backed <see cref="Headers"/> are read from <see cref="Namespace"/> (the Rollout's)
/// when the request is sent, never logged; <see cref="Scrubber"/> knows every secret value of the reconcile.
/// </summary>
internal sealed record WebRequest(
    Uri Url,
    string Namespace,
    WebMethod Method,
    IReadOnlyList<OutboundHeader> Headers,
    string? Body,
    JsonPathQuery JsonPath,
    TimeSpan Timeout,
    SecretScrubber Scrubber);
