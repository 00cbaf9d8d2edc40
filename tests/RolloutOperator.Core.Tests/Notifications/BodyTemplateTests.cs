using System.Text.Json.Nodes;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Notifications;

public sealed class BodyTemplateTests
{
    [Fact]
    public void Render_JsonBody_EscapesValuesSoAMessageCannotBreakOutOfItsString()
    {
        var template = Parse("""{"text":"{{rollout}}: {{message}}","n":{{step}}}""");
        var values = new Dictionary<string, string>
        {
            ["rollout"] = "web",
            ["message"] = "quote \" backslash \\ newline \n end\",\"admin\":true",
            ["step"] = "2",
        };

        var body = JsonNode.Parse(template.Render(values, json: true))!.AsObject();

        Assert.Equal(2, body.Count);
        Assert.Equal("web: " + values["message"], (string?)body["text"]);
        Assert.Equal(2, (int?)body["n"]);
    }

    [Fact]
    public void Render_PlainBody_InsertsValuesAsTheyAre()
    {
        var template = Parse("{{ rollout }} is at {{revision}}.");

        Assert.Equal("web is at abc.", template.Render(new Dictionary<string, string> { ["rollout"] = "web", ["revision"] = "abc" }, json: false));
    }

    [Theory]
    [InlineData("{{rollout", "unclosed placeholder")]
    [InlineData("{{ rollout.metadata }}", "unknown placeholder")]
    public void Parse_Malformed_IsAnErrorAtThePath(string text, string message)
    {
        var errors = new SpecErrors();

        Assert.Null(BodyTemplateParser.Parse(text, "x.body", errors));
        Assert.Contains(message, Assert.Single(errors.All).Message, StringComparison.Ordinal);
    }

    private static BodyTemplate Parse(string text)
    {
        var errors = new SpecErrors();
        var template = BodyTemplateParser.Parse(text, "body", errors);
        Assert.Empty(errors.All);
        return template!;
    }
}
