using System.Text;

namespace RolloutOperator.Controller.Events;

/// <summary>The API server limits Event fields in bytes of UTF-8: cut on a character boundary and mark the cut.</summary>
internal static class Utf8Text
{
    public static string Truncate(string value, int maxBytes, string marker)
    {
        if (Encoding.UTF8.GetByteCount(value) <= maxBytes)
        {
            return value;
        }

        var budget = maxBytes - Encoding.UTF8.GetByteCount(marker);
        var length = Math.Min(value.Length, budget);
        while (length > 0 && (char.IsHighSurrogate(value[length - 1]) || Encoding.UTF8.GetByteCount(value.AsSpan(0, length)) > budget))
        {
            length--;
        }

        return value[..length] + marker;
    }
}
