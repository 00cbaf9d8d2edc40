using RolloutOperator.Controller.Commands;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Controller.Tests.Commands;

public sealed class CommandAnnotationTests
{
    [Theory]
    [InlineData("promote", CommandKind.Promote)]
    [InlineData("promote-full", CommandKind.PromoteFull)]
    [InlineData("abort", CommandKind.Abort)]
    [InlineData("retry", CommandKind.Retry)]
    [InlineData("pause", CommandKind.Pause)]
    [InlineData("resume", CommandKind.Resume)]
    [InlineData("mark-fix", CommandKind.MarkFix)]
    public void Parse_ValidAction_ReturnsRevisionScopedCommand(string action, CommandKind kind)
    {
        var result = CommandAnnotation.Parse(Annotation($$"""{"action":"{{action}}","revision":"abc123","id":"1700000000"}"""));

        Assert.Null(result.Error);
        Assert.Equal(new UserCommand(kind, "abc123", "1700000000"), result.Command);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"action":"rollback","revision":"abc","id":"1"}""")]
    [InlineData("""{"action":"promote","id":"1"}""")]
    [InlineData("""{"action":"promote","revision":"abc"}""")]
    public void Parse_Malformed_ReturnsErrorAndNoCommand(string value)
    {
        var result = CommandAnnotation.Parse(Annotation(value));

        Assert.Null(result.Command);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Parse_NoAnnotation_ReturnsNothing() =>
        Assert.Same(CommandParseResult.None, CommandAnnotation.Parse(new Dictionary<string, string> { ["other"] = "x" }));

    private static Dictionary<string, string> Annotation(string value) => new() { ["rollout-operator.io/command"] = value };
}
