using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>Small field readers that apply a default, check a bound and report at the field's path.</summary>
internal static class Fields
{
    public static int AtLeast(int? value, int fallback, int minimum, string path, SpecErrors errors)
    {
        var result = value ?? fallback;
        if (result < minimum)
        {
            errors.Add(path, $"must be at least {minimum}, got {result}");
        }

        return result;
    }

    public static int Within(int? value, int fallback, int minimum, int maximum, string path, SpecErrors errors)
    {
        var result = AtLeast(value, fallback, minimum, path, errors);
        if (result > maximum)
        {
            errors.Add(path, $"must be at most {maximum}, got {result}");
        }

        return result;
    }

    public static TimeSpan Seconds(int? value, int fallback, string path, SpecErrors errors) =>
        TimeSpan.FromSeconds(AtLeast(value, fallback, 0, path, errors));

    public static TimeSpan Duration(string? text, string fallback, string path, SpecErrors errors, bool positive = false)
    {
        var written = text ?? fallback;
        switch (Durations.Read(written, out var value))
        {
            case DurationReading.Malformed:
                errors.Add(path, $"invalid duration \"{Shown(written)}\"; use e.g. \"30s\", \"5m\", \"1h30m\" or whole seconds");
                return TimeSpan.Zero;
            case DurationReading.TooLong:
                errors.Add(path, $"duration \"{Shown(written)}\" exceeds the maximum of {Durations.MaximumText} (365 days)");
                return TimeSpan.Zero;
        }

        if (positive && value <= TimeSpan.Zero)
        {
            errors.Add(path, "must be greater than zero");
        }

        return value;
    }

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>A user's text quoted in an error: bounded, so one huge field cannot flood the status.</summary>
    public static string Shown(string text, int limit = 64) => text.Length <= limit ? text : text[..limit] + "…";
}
