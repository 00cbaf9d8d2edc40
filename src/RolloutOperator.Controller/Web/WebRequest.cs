using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Web;

/// <summary>
/// One rendered web measurement. <see cref="Headers"/> hold real values (Secret-sourced ones too): they are sent and
/// never logged; <see cref="Scrubber"/> knows the secret values so no error text carries them.
/// </summary>
public sealed record WebRequest(
    Uri Url,
    WebMethod Method,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    JsonPathQuery JsonPath,
    TimeSpan Timeout,
    SecretScrubber Scrubber);
