using System.Globalization;
using System.Text;

namespace RolloutOperator.Cli.Planning;

/// <summary>Durations the way the manifests write them: 1h2m3s, 30s, 0s.</summary>
internal static class DurationText
{
    public static string Format(long seconds)
    {
        if (seconds <= 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, seconds / 3600, 'h');
        Append(text, seconds / 60 % 60, 'm');
        Append(text, seconds % 60, 's');
        return text.ToString();
    }

    public static string Format(TimeSpan value) => Format((long)Math.Ceiling(value.TotalSeconds));

    private static void Append(StringBuilder text, long value, char unit)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
