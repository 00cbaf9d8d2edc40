using System.Text.Json;
using RolloutOperator.Core.JsonPaths;

namespace RolloutOperator.Core.Tests.JsonPaths;

/// <summary>The documented JSONPath subset: what selects a value, what is no data, and what is an error.</summary>
public sealed class JsonPathQueryTests
{
    private const string Document = """
        {"data": {"ratio": 0.995, "text": "0.5", "ok": true, "none": null, "empty": [], "list": [1, 2, 3],
         "items": [{"v": 4}, {"v": 5}], "weird key": 7, "name": "checkout", "nested": {"a": {"b": 1}}}}
        """;

    public static TheoryData<string, string, double[]> Values => new()
    {
        { "dotted property", "$.data.ratio", [0.995] },
        { "numeric string", "$.data.text", [0.5] },
        { "boolean", "$.data.ok", [1] },
        { "array is every element", "$.data.list", [1, 2, 3] },
        { "index", "$.data.list[1]", [2] },
        { "wildcard then property", "$.data.items[*].v", [4, 5] },
        { "quoted name", "$['data']['weird key']", [7] },
        { "double-quoted name", "$[\"data\"].nested.a.b", [1] },
        { "missing property is no data", "$.data.missing", [] },
        { "null is no data", "$.data.none", [] },
        { "empty array is no data", "$.data.empty", [] },
        { "index out of range is no data", "$.data.list[9]", [] },
        { "property of a number is no data", "$.data.ratio.x", [] },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Evaluate_Path_SelectsValues(string name, string path, double[] expected)
    {
        var query = JsonPathQuery.Parse(path, out var error);
        Assert.True(query is not null, $"{name}: {error}");

        var result = query!.Evaluate(JsonDocument.Parse(Document).RootElement);

        Assert.Null(result.Error);
        Assert.Equal(expected, result.Values);
    }

    [Theory]
    [InlineData("$.data.name", "\"checkout\" is not a number")]
    [InlineData("$.data.nested", "an object, not a number")]
    public void Evaluate_NonNumericValue_IsAnError(string path, string message)
    {
        var result = JsonPathQuery.Parse(path, out _)!.Evaluate(JsonDocument.Parse(Document).RootElement);

        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Values);
    }

    [Fact]
    public void Evaluate_WildcardOverHugeArray_IsBoundedError()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("1", JsonPathQuery.MaxValues + 1)) + "]";

        var result = JsonPathQuery.Parse("$[*]", out _)!.Evaluate(JsonDocument.Parse(huge).RootElement);

        Assert.Contains("more than 1000 values", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "must start with $")]
    [InlineData("data.x", "must start with $")]
    [InlineData("$.a[", "unclosed [")]
    [InlineData("$.a[-1]", "is not an index")]
    [InlineData("$.a[1:2]", "is not an index")]
    [InlineData("$..a", "empty name")]
    [InlineData("$a", "unexpected 'a'")]
    public void Parse_Unsupported_IsRefusedWithReason(string path, string message)
    {
        Assert.Null(JsonPathQuery.Parse(path, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
