using System.Globalization;
using System.Text.RegularExpressions;

namespace RolloutOperator.Core.Api;

/// <summary>Durations as users write them: Go-style ("1h30m", "250ms", "1.5s") or whole seconds ("30").</summary>
public static partial class Durations
{
    /// <summary>
    /// The schema pattern, in Go RE2 syntax as the API server reads it: there "$" matches only at the very end of the text.
    /// .NET's "$" also matches before a final newline, so the parser uses <see cref="DotNetPattern"/> instead.
    /// </summary>
    public const string Pattern = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$|^[0-9]+$";

    /// <summary><see cref="Pattern"/> with "\z" for "$": "30\n" is not a duration.</summary>
    public const string DotNetPattern = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+\\z|^[0-9]+\\z";

    /// <summary>
    /// The longest duration any field accepts. A year is far beyond any sensible pause, interval or timeout, and keeps
    /// every time the engine derives from one (now + duration, counts × intervals) far away from overflow.
    /// </summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(365);

    public const string MaximumText = "8760h";

    /// <summary>True only for a well-formed duration no longer than <see cref="Maximum"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => Read(text, out value) == DurationReading.Valid;

    public static DurationReading Read(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text) || !Whole().IsMatch(text))
        {
            return DurationReading.Malformed;
        }

        // Doubles cannot overflow into a wrong value: a huge number becomes a huge double (or infinity) and is refused
        // below, where an integer type would wrap or throw.
        var milliseconds = 0.0;
        if (IsWholeSeconds(text))
        {
            milliseconds = double.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) * 1000;
        }
        else
        {
            foreach (Match part in Part().Matches(text))
            {
                var number = double.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                milliseconds += number * UnitMilliseconds(part.Groups[3].Value);
            }
        }

        if (!double.IsFinite(milliseconds) || milliseconds > Maximum.TotalMilliseconds)
        {
            return DurationReading.TooLong;
        }

        value = TimeSpan.FromMilliseconds(milliseconds);
        return DurationReading.Valid;
    }

    public static string Format(TimeSpan value)
    {
        if (value.TotalSeconds == Math.Floor(value.TotalSeconds))
        {
            return ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        }

        return ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    private static bool IsWholeSeconds(string text) => text.All(char.IsAsciiDigit);

    private static double UnitMilliseconds(string unit) => unit switch
    {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        _ => 3_600_000,
    };

    [GeneratedRegex(DotNetPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex("([0-9]+(\\.[0-9]+)?)(ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
