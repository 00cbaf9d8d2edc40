namespace RolloutOperator.Controller.Tests.PrometheusProvider;

internal sealed record StubResponse(int Status, string Body, TimeSpan Delay)
{
    /// <summary>Sent as the Location header (a redirect).</summary>
    public string? Location { get; init; }

    public static StubResponse Json(int status, string body) => new(status, body, TimeSpan.Zero);

    public static StubResponse Slow(TimeSpan delay) => new(200, PrometheusBodies.Vector(1), delay);
}
