using System.Text.Json.Nodes;
using RolloutOperator.CrdGen.Tests.Fixtures;

namespace RolloutOperator.CrdGen.Tests;

/// <summary>The generator refuses what the API server would refuse, with a message naming the property.</summary>
public sealed class SchemaGeneratorTests
{
    [Fact]
    public void RecursiveType_IsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SchemaGenerator().ForType(typeof(RecursiveNode)));

        Assert.Contains("refers to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapListKey_MustBeRequired()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SchemaGenerator().ForType(typeof(MapListWithOptionalKey)));

        Assert.Contains("MapListWithOptionalKey.Items", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(MisfitDefault), "MisfitDefault.Count")]
    [InlineData(typeof(MisfitEnumDefault), "MisfitEnumDefault.ScaleDown")]
    public void Default_MustFitTheSchema(Type type, string property)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SchemaGenerator().ForType(type));

        Assert.Contains(property, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonObject_WithoutPreserveUnknownFields_IsRejected()
    {
        Assert.Throws<NotSupportedException>(() => new SchemaGenerator().ForType(typeof(UnmarkedJsonObject)));
    }

    [Fact]
    public void Names_FollowTheSerializer()
    {
        var schema = new SchemaGenerator().ForType(typeof(NamedFields));

        var properties = schema["properties"]!.AsObject();
        Assert.Equal(["gatewayAPI", "labels", "big"], properties.Select(p => p.Key));
        Assert.Equal(3, (int)properties["labels"]!["maxProperties"]!);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["type"] = "integer", ["format"] = "int64" }, properties["big"]));
    }
}
