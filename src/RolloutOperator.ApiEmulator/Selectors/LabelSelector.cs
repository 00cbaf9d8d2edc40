using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Validation;

namespace RolloutOperator.ApiEmulator.Selectors;

/// <summary>The labelSelector query syntax: =, ==, !=, in, notin, exists, !exists.</summary>
internal sealed partial class LabelSelector
{
    private readonly IReadOnlyList<LabelRequirement> _requirements;

    private LabelSelector(IReadOnlyList<LabelRequirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitClauses(text).Select(ParseClause).ToList());
    }

    public bool Matches(JsonObject obj) => _requirements.All(r => r.Matches(Labels(obj)));

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                labels[key] = value?.ToString() ?? string.Empty;
            }
        }

        return labels;
    }

    private static IEnumerable<string> SplitClauses(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static LabelRequirement ParseClause(string raw)
    {
        var clause = raw.Trim();
        var set = SetClause().Match(clause);
        if (set.Success)
        {
            var values = set.Groups[3].Value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
            var op = set.Groups[2].Value == "in" ? LabelOperator.In : LabelOperator.NotIn;
            return new LabelRequirement(Key(set.Groups[1].Value), op, Values(set.Groups[1].Value, values));
        }

        if (clause.StartsWith('!'))
        {
            return new LabelRequirement(Key(clause[1..].Trim()), LabelOperator.DoesNotExist, []);
        }

        foreach (var (token, op) in new[] { ("!=", LabelOperator.NotEquals), ("==", LabelOperator.Equals), ("=", LabelOperator.Equals) })
        {
            var index = clause.IndexOf(token, StringComparison.Ordinal);
            if (index > 0)
            {
                var key = Key(clause[..index].Trim());
                return new LabelRequirement(key, op, Values(key, [clause[(index + token.Length)..].Trim()]));
            }
        }

        return new LabelRequirement(Key(clause), LabelOperator.Exists, []);
    }

    private static string Key(string key) =>
        key.Length > 0 && KeyPattern().IsMatch(key) ? key : throw Errors.BadRequest($"unable to parse requirement: invalid label key \"{key}\"");

    /// <summary>Values must be valid label values, or the server refuses the selector.</summary>
    private static List<string> Values(string key, List<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (TextRules.LabelValue(values[i]) is { Count: > 0 } errors)
            {
                throw Errors.BadRequest($"unable to parse requirement: values[{i}][{key}]: Invalid value: \"{values[i]}\": {string.Join("; ", errors)}");
            }
        }

        return values;
    }

    [GeneratedRegex(@"^(\S+)\s+(in|notin)\s*\((.*)\)$")]
    private static partial Regex SetClause();

    [GeneratedRegex(@"^([a-z0-9A-Z.\-]+/)?[a-zA-Z0-9]([a-zA-Z0-9_.\-]*[a-zA-Z0-9])?$")]
    private static partial Regex KeyPattern();
}
