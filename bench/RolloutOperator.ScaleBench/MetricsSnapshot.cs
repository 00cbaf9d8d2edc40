using System.Globalization;

namespace RolloutOperator.ScaleBench;

/// <summary>One scrape of the operator's /metrics in the Prometheus text format: sample name with labels → value.</summary>
internal sealed class MetricsSnapshot
{
    private readonly List<(string Name, string Labels, double Value)> _samples;

    private MetricsSnapshot(List<(string Name, string Labels, double Value)> samples) => _samples = samples;

    public static MetricsSnapshot Parse(string text)
    {
        var samples = new List<(string, string, double)>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            var name = brace < 0 ? series : series[..brace];
            var labels = brace < 0 ? string.Empty : series[brace..];
            samples.Add((name, labels, double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture)));
        }

        return new MetricsSnapshot(samples);
    }

    /// <summary>The sum over every series of a family whose labels contain all of <paramref name="labelParts"/>.</summary>
    public double Sum(string name, params string[] labelParts) => _samples
        .Where(s => s.Name == name && labelParts.All(p => s.Labels.Contains(p, StringComparison.Ordinal)))
        .Sum(s => s.Value);
}
