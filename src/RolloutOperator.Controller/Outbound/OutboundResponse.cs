namespace RolloutOperator.Controller.Outbound;

/// <summary>
/// What came back. <see cref="StatusCode"/> is null when no response arrived (refused host, connection failure, timeout,
/// unreadable Secret). <see cref="Error"/> is scrubbed of secret values and bounded; null for a 2xx answer.
/// <see cref="Body"/> is at most the configured number of bytes.
/// </summary>
internal sealed record OutboundResponse(int? StatusCode, string Body, string? Error, int Attempts)
{
    public bool IsSuccess => Error is null && StatusCode is >= 200 and <= 299;

    public static OutboundResponse Failed(string error, int attempts = 0) => new(null, "", error, attempts);
}
