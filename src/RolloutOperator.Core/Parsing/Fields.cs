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

    public static TimeSpan Seconds(int? value, int fallback, string path, SpecErrors errors) =>
        TimeSpan.FromSeconds(AtLeast(value, fallback, 0, path, errors));

    public static TimeSpan Duration(string? text, string fallback, string path, SpecErrors errors, bool positive = false)
    {
        var written = text ?? fallback;
        if (!Durations.TryParse(written, out var value))
        {
            errors.Add(path, $"invalid duration \"{written}\"; use e.g. \"30s\", \"5m\", \"1h30m\" or whole seconds");
            return TimeSpan.Zero;
        }

        if (positive && value <= TimeSpan.Zero)
        {
            errors.Add(path, "must be greater than zero");
        }

        return value;
    }

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}
