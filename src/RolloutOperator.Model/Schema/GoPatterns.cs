using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace RolloutOperator.Model.Schema;

/// <summary>Schema patterns are Go RE2, where "$" matches only at the very end; .NET's "$" also matches before a final newline.</summary>
public static class GoPatterns
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool IsMatch(string pattern, string text) =>
        Cache.GetOrAdd(pattern, p => new Regex(ToDotNet(p), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).IsMatch(text);

    private static string ToDotNet(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(pattern, i, 2);
                i++;
                continue;
            }

            inClass = pattern[i] switch
            {
                '[' => true,
                ']' => false,
                _ => inClass,
            };
            builder.Append(pattern[i] == '$' && !inClass ? @"\z" : pattern[i].ToString());
        }

        return builder.ToString();
    }
}
