using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RolloutOperator.CrdGen.Tests.Support;

/// <summary>
/// Validates JSON against a generated schema the way the API server would prune and validate it:
/// an unknown field would be silently dropped, so it is reported here.
/// </summary>
internal static class SchemaConformance
{
    public static List<string> Check(JsonNode? value, JsonObject schema, string path, ISet<string>? visited = null)
    {
        var problems = new List<string>();
        Walk(value, new SchemaNode(path, schema, false), problems, visited);
        return problems;
    }

    private static void Walk(JsonNode? value, SchemaNode node, List<string> problems, ISet<string>? visited)
    {
        visited?.Add(node.Path);
        if (value is null)
        {
            problems.Add($"{node.Path}: null (nullable is not used)");
            return;
        }

        if (node.IsIntOrString)
        {
            Expect(value.GetValueKind() is JsonValueKind.String || IsInteger(value), node, "an int or a string", problems);
            return;
        }

        switch (node.Type)
        {
            case "object":
                WalkObject(value, node, problems, visited);
                break;
            case "array":
                WalkArray(value, node, problems, visited);
                break;
            case "string":
                CheckString(value, node, problems);
                break;
            case "integer":
                Expect(IsInteger(value), node, "an integer", problems);
                CheckRange(value, node, problems);
                break;
            case "number":
                Expect(value.GetValueKind() == JsonValueKind.Number, node, "a number", problems);
                CheckRange(value, node, problems);
                break;
            case "boolean":
                Expect(value.GetValueKind() is JsonValueKind.True or JsonValueKind.False, node, "a boolean", problems);
                break;
            default:
                problems.Add($"{node.Path}: schema has no type");
                break;
        }
    }

    private static void WalkObject(JsonNode value, SchemaNode node, List<string> problems, ISet<string>? visited)
    {
        if (value is not JsonObject map)
        {
            problems.Add($"{node.Path}: expected an object");
            return;
        }

        foreach (var (key, child) in map)
        {
            if (node.Property(key) is { } property)
            {
                Walk(child, new SchemaNode($"{node.Path}.{key}", property, true), problems, visited);
            }
            else if (node.Schema["additionalProperties"] is JsonObject values)
            {
                Walk(child, new SchemaNode(node.Path + "{}", values, false), problems, visited);
            }
            else if (!node.PreservesUnknownFields)
            {
                problems.Add($"{node.Path}.{key}: not in the schema; the API server would prune it");
            }
        }

        problems.AddRange(node.Required.Where(r => !map.ContainsKey(r)).Select(r => $"{node.Path}.{r}: required but missing"));
    }

    private static void WalkArray(JsonNode value, SchemaNode node, List<string> problems, ISet<string>? visited)
    {
        if (value is not JsonArray list)
        {
            problems.Add($"{node.Path}: expected an array");
            return;
        }

        Expect(node.Schema["maxItems"] is not { } max || list.Count <= Num(max), node, "at most maxItems items", problems);
        Expect(node.Schema["minItems"] is not { } min || list.Count >= Num(min), node, "at least minItems items", problems);
        foreach (var item in list)
        {
            Walk(item, new SchemaNode(node.Path + "[]", node.Schema["items"]!.AsObject(), false), problems, visited);
        }
    }

    private static void CheckString(JsonNode value, SchemaNode node, List<string> problems)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            problems.Add($"{node.Path}: expected a string");
            return;
        }

        var text = value.GetValue<string>();
        Expect(node.Schema["maxLength"] is not { } max || text.Length <= Num(max), node, "at most maxLength characters", problems);
        Expect(node.Schema["enum"] is not JsonArray values || values.Any(v => (string?)v == text), node, "an enum value", problems);
        Expect(node.Schema["pattern"] is not { } pattern || Regex.IsMatch(text, (string)pattern!, RegexOptions.None, TimeSpan.FromSeconds(1)), node, "a pattern match", problems);
        Expect((string?)node.Schema["format"] != "date-time" || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _), node, "a date-time", problems);
    }

    private static void CheckRange(JsonNode value, SchemaNode node, List<string> problems)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return;
        }

        var number = Num(value);
        Expect(node.Schema["minimum"] is not { } min || number >= Num(min), node, "at least minimum", problems);
        Expect(node.Schema["maximum"] is not { } max || number <= Num(max), node, "at most maximum", problems);
    }

    private static bool IsInteger(JsonNode value) =>
        value.GetValueKind() == JsonValueKind.Number && Num(value) is var d && d == Math.Floor(d);

    // Nodes come from YAML (long/double) and from JSON text alike; the text form converts from either.
    private static double Num(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static void Expect(bool condition, SchemaNode node, string what, List<string> problems)
    {
        if (!condition)
        {
            problems.Add($"{node.Path}: expected {what}");
        }
    }
}
