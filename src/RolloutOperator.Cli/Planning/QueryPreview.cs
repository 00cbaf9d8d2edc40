using System.Text.RegularExpressions;
using RolloutOperator.Core.Analysis;

namespace RolloutOperator.Cli.Planning;

/// <summary>
/// Shows a metric's query as it will run. With every value known it is the operator's own escaped rendering; otherwise
/// unknown values stay visible as &lt;placeholder&gt; (e.g. &lt;revision.stable&gt;, &lt;args.token&gt; from a Secret).
/// </summary>
internal static partial class QueryPreview
{
    public static string Render(string template, IReadOnlyDictionary<string, string> known)
    {
        if (PromQlTemplate.Placeholders(template).All(known.ContainsKey) && PromQlTemplate.Render(template, known) is { Query: { } query })
        {
            return query.Trim();
        }

        return Placeholder().Replace(template, m => known.TryGetValue(m.Groups[1].Value, out var value) ? value : $"<{m.Groups[1].Value}>").Trim();
    }

    [GeneratedRegex(@"\{\{\s*(.*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
