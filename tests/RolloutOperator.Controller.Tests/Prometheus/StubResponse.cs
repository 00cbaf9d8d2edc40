namespace RolloutOperator.Controller.Tests.PrometheusProvider;

internal sealed record StubResponse(int Status, string Body, TimeSpan Delay)
{
    public static StubResponse Json(int status, string body) => new(status, body, TimeSpan.Zero);

    public static StubResponse Slow(TimeSpan delay) => new(200, PrometheusBodies.Vector(1), delay);
}
