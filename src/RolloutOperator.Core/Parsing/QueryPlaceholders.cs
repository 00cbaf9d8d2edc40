using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Checks the {{...}} placeholders of a query at parse time, so that a typo is an InvalidSpec rather than a query that
/// silently measures nothing.
/// </summary>
internal static partial class QueryPlaceholders
{
    public const string ArgPrefix = "args.";

    public static FrozenSet<string> BuiltIns { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "rollout.name",
        "rollout.namespace",
        "revision.stable",
        "revision.canary",
        "service.stable",
        "service.canary");

    public static IReadOnlyList<string> Find(string query) =>
        [.. Placeholder().Matches(query).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    public static IEnumerable<string> ArgNames(string? query) =>
        query is null ? [] : Find(query).Where(p => p.StartsWith(ArgPrefix, StringComparison.Ordinal)).Select(p => p[ArgPrefix.Length..]);

    public static void Validate(string query, IReadOnlySet<string> args, string path, SpecErrors errors)
    {
        foreach (var placeholder in Find(query))
        {
            if (placeholder.StartsWith(ArgPrefix, StringComparison.Ordinal))
            {
                var name = placeholder[ArgPrefix.Length..];
                if (!args.Contains(name))
                {
                    errors.Add(path, $"query uses {{{{{placeholder}}}}} but no argument \"{name}\" is declared{Known(args)}");
                }
            }
            else if (!BuiltIns.Contains(placeholder))
            {
                errors.Add(path, $"unknown placeholder {{{{{placeholder}}}}}; built-ins are {string.Join(", ", BuiltIns.Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static string Known(IReadOnlySet<string> args) =>
        args.Count == 0 ? "" : $"; declared: {string.Join(", ", args.Order(StringComparer.Ordinal))}";

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
