using System.Text.Json;

namespace RolloutOperator.Core.JsonPaths;

/// <summary>One step of a <see cref="JsonPathQuery"/>: a property, an array index, or every element/member.</summary>
internal sealed class JsonPathSegment
{
    private readonly string? _name;
    private readonly int? _index;

    private JsonPathSegment(string? name, int? index)
    {
        _name = name;
        _index = index;
    }

    public static JsonPathSegment Wildcard { get; } = new(null, null);

    public static JsonPathSegment Property(string name) => new(name, null);

    public static JsonPathSegment Index(int index) => new(null, index);

    /// <summary>Adds what this step selects from <paramref name="element"/>; a step that does not apply selects nothing.</summary>
    public void Select(JsonElement element, List<JsonElement> into)
    {
        if (_name is not null)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(_name, out var value))
            {
                into.Add(value);
            }
        }
        else if (_index is { } index)
        {
            if (element.ValueKind == JsonValueKind.Array && index < element.GetArrayLength())
            {
                into.Add(element[index]);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            into.AddRange(element.EnumerateArray());
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            into.AddRange(element.EnumerateObject().Select(p => p.Value));
        }
    }
}
