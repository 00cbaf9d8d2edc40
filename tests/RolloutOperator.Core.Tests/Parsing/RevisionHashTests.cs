using System.Text.Json.Nodes;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Core.Tests.Parsing;

public sealed class RevisionHashTests
{
    [Fact]
    public void Compute_KnownTemplate_MatchesPinnedValue()
    {
        // sha256 of the canonical text {"a":1,"b":{"c":"x","d":[2,1]}} (printf '%s' ... | sha256sum), first 10 hex digits.
        var template = JsonNode.Parse("""{ "b": { "d": [2, 1], "c": "x" }, "a": 1 }""")!.AsObject();

        Assert.Equal("a75f1418dd", RevisionHash.Compute(template));
    }

    [Fact]
    public void Compute_KeysInAnotherOrder_SameHash()
    {
        var one = JsonNode.Parse("""{"metadata":{"labels":{"app":"demo","tier":"web"}},"spec":{"containers":[{"name":"app","image":"demo:1"}]}}""")!.AsObject();
        var other = JsonNode.Parse("""{"spec":{"containers":[{"image":"demo:1","name":"app"}]},"metadata":{"labels":{"tier":"web","app":"demo"}}}""")!.AsObject();

        Assert.Equal(RevisionHash.Compute(one), RevisionHash.Compute(other));
    }

    [Theory]
    [InlineData("image changed", """{"image":"demo:1"}""", """{"image":"demo:2"}""")]
    [InlineData("array order changed", """{"c":[{"name":"a"},{"name":"b"}]}""", """{"c":[{"name":"b"},{"name":"a"}]}""")]
    [InlineData("number instead of string", """{"port":"80"}""", """{"port":80}""")]
    [InlineData("field added", """{"a":1}""", """{"a":1,"b":null}""")]
    public void Compute_DifferentTemplate_DifferentHash(string change, string before, string after)
    {
        var hashes = new[] { before, after }.Select(json => RevisionHash.Compute(JsonNode.Parse(json)!.AsObject())).ToList();

        Assert.True(hashes[0] != hashes[1], $"{change}: both hash to {hashes[0]}");
    }

    [Fact]
    public void Compute_AnyTemplate_IsTenCharacterDnsLabel()
    {
        var hash = RevisionHash.Compute(Specs.PodTemplate());

        Assert.Matches("^[0-9a-f]{10}$", hash);
    }
}
