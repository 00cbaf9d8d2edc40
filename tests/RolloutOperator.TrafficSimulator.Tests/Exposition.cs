using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Prometheus;

namespace RolloutOperator.TrafficSimulator.Tests;

/// <summary>Reads samples back out of the text exposition, as Prometheus would scrape them.</summary>
internal static partial class Exposition
{
    public static async Task<string> TextAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Sum of the samples of <paramref name="name"/> whose label text contains every fragment.</summary>
    public static double Sum(string text, string name, params string[] fragments) =>
        Sample().Matches(text)
            .Where(m => m.Groups["name"].Value == name && fragments.All(f => m.Groups["labels"].Value.Contains(f, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
