using System.Collections.Frozen;
using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Checks the {{...}} placeholders of a query at parse time, with the same scanner that renders it, so that a typo or
/// an unterminated placeholder is an InvalidSpec rather than a query that fails or measures nothing at run time.
/// </summary>
internal static class QueryPlaceholders
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

    public static IEnumerable<string> ArgNames(string? query) =>
        query is null ? [] : PromQlTemplate.Placeholders(query).Where(IsArg).Select(p => p[ArgPrefix.Length..]);

    /// <summary>Arguments a metric's queries use: its Prometheus query, its web URL and body, its judge's queries, or the good, bad and total queries of its SLO.</summary>
    public static IEnumerable<string> MetricArgNames(Api.Metric? metric) =>
        new[] { metric?.Provider?.Prometheus?.Query, metric?.Provider?.Web?.Url, metric?.Provider?.Web?.Body, metric?.Slo?.Good, metric?.Slo?.Bad, metric?.Slo?.Total }
            .Concat((metric?.Judge?.Metrics ?? []).Select(j => j?.Query))
            .SelectMany(ArgNames);

    /// <param name="extra">Placeholders known only where this query is used (a judge's {{judge.revision}}).</param>
    public static void Validate(string query, IReadOnlySet<string> args, string path, SpecErrors errors, IReadOnlySet<string>? extra = null)
    {
        var before = errors.Count;
        var placeholders = PromQlTemplate.Placeholders(query);
        foreach (var placeholder in placeholders)
        {
            if (extra?.Contains(placeholder) != true)
            {
                CheckName(placeholder, args, path, errors);
            }
        }

        if (errors.Count == before)
        {
            CheckRenders(query, placeholders, path, errors);
        }
    }

    private static void CheckName(string placeholder, IReadOnlySet<string> args, string path, SpecErrors errors)
    {
        if (IsArg(placeholder))
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

    // Every name is known here, and a plain identifier is a valid value anywhere, so a failure is the template's own shape.
    private static void CheckRenders(string query, IReadOnlyList<string> placeholders, string path, SpecErrors errors)
    {
        var sample = placeholders.ToDictionary(p => p, _ => "x", StringComparer.Ordinal);
        foreach (var error in PromQlTemplate.Render(query, sample).Errors)
        {
            errors.Add(path, error);
        }
    }

    private static bool IsArg(string placeholder) => placeholder.StartsWith(ArgPrefix, StringComparison.Ordinal);

    private static string Known(IReadOnlySet<string> args) =>
        args.Count == 0 ? "" : $"; declared: {string.Join(", ", args.Order(StringComparer.Ordinal))}";
}
