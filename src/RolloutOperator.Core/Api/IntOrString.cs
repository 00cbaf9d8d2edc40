using System.Globalization;
using System.Text.Json;

namespace RolloutOperator.Core.Api;

/// <summary>An integer or a string such as "25%", kept as written so it round-trips.</summary>
[JsonConverter(typeof(IntOrStringConverter))]
public sealed record IntOrString(string Value)
{
    public static IntOrString FromInt(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    public bool IsInt => int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>Resolves against a total: percentages round up when <paramref name="roundUp"/>, down otherwise.</summary>
    public bool TryResolve(int total, bool roundUp, out int result)
    {
        if (int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result))
        {
            return result >= 0;
        }

        if (Value.EndsWith('%') && int.TryParse(Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
        {
            var exact = total * percent / 100.0;
            result = (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
            return true;
        }

        return false;
    }
}
