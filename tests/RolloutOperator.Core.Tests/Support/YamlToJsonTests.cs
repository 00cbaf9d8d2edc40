using System.Text.Json.Nodes;
using RolloutOperator.Testing;

namespace RolloutOperator.Core.Tests.Support;

public sealed class YamlToJsonTests
{
    [Theory]
    [InlineData("plain int", "v: 20", """{"v":20}""")]
    [InlineData("plain float", "v: 0.5", """{"v":0.5}""")]
    [InlineData("plain bool", "v: true", """{"v":true}""")]
    [InlineData("plain null", "v: ~", """{"v":null}""")]
    [InlineData("empty value", "v:", """{"v":null}""")]
    [InlineData("quoted int stays string", "v: \"20\"", """{"v":"20"}""")]
    [InlineData("tagged int stays string", "v: !!str 20", """{"v":"20"}""")]
    [InlineData("duration stays string", "v: 30s", """{"v":"30s"}""")]
    [InlineData("version stays string", "v: 1.2.3", """{"v":"1.2.3"}""")]
    [InlineData("percentage stays string", "v: 25%", """{"v":"25%"}""")]
    [InlineData("nested", "a:\n  - b: 1\n  - {}", """{"a":[{"b":1},{}]}""")]
    public void Convert_Scalar_MapsToJsonType(string name, string yaml, string expected)
    {
        var actual = YamlToJson.Single(yaml);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"{name}: {actual.ToJsonString()}");
    }

    [Fact]
    public void Documents_MultiDocumentStream_ReturnsEach()
    {
        Assert.Equal(2, YamlToJson.Documents("a: 1\n---\nb: 2\n").Count);
    }
}
