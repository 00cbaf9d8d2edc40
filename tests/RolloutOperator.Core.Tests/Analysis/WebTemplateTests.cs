using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>A web metric's values are encoded for where they land: no value can change the URL or the body's shape.</summary>
public sealed class WebTemplateTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["args.service"] = "shop/../admin?x=1&y=#z",
        ["rollout.name"] = "web",
        ["args.quote"] = "a\"}, \"evil\": {\"",
    };

    [Fact]
    public void Url_Value_IsPercentEncoded()
    {
        var rendered = WebTemplate.Url("https://checks.example/r/{{ rollout.name }}?s={{args.service}}", Values);

        Assert.Equal("https://checks.example/r/web?s=shop%2F..%2Fadmin%3Fx%3D1%26y%3D%23z", rendered.Query);
    }

    [Fact]
    public void Body_Value_IsJsonStringEscaped()
    {
        var rendered = WebTemplate.Body("{\"q\": \"{{args.quote}}\"}", Values);

        Assert.Equal("{\"q\": \"a\\u0022}, \\u0022evil\\u0022: {\\u0022\"}", rendered.Query);
        Assert.Single(System.Text.Json.JsonDocument.Parse(rendered.Query!).RootElement.EnumerateObject());
    }

    [Fact]
    public void Render_UnknownPlaceholder_IsAnError()
    {
        var rendered = WebTemplate.Url("https://checks.example/{{args.missing}}", Values);

        Assert.Null(rendered.Query);
        Assert.Contains("unknown placeholder {{args.missing}}", rendered.Errors);
    }
}
