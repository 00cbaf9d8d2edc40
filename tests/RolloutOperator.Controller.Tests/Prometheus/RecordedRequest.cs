namespace RolloutOperator.Controller.Tests.PrometheusProvider;

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
