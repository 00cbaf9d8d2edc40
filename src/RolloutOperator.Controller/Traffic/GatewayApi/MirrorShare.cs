using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.GatewayApi;

/// <summary>
/// The share of requests a mirror rule's RequestMirror filter copies, in hundredths of a percent: <c>percent</c> or
/// <c>fraction</c> (denominator 100 when left out), all requests when neither is set. Null when the filter cannot be
/// read, so the rule never counts as in force and the router writes it again.
/// </summary>
internal static class MirrorShare
{
    private const int DefaultDenominator = 100;

    public static int? Hundredths(JsonObject rule)
    {
        var mirror = (rule["filters"] as JsonArray)?
            .FirstOrDefault(f => f?["type"]?.GetValue<string>() == MirrorRules.FilterType)?["requestMirror"];
        if (mirror is null)
        {
            return null;
        }

        if (mirror["percent"] is { } percent)
        {
            return Int(percent) is int p and >= 0 and <= 100 ? p * 100 : null;
        }

        if (mirror["fraction"] is { } fraction)
        {
            return Fraction(Int(fraction["numerator"]), fraction["denominator"] is { } d ? Int(d) : DefaultDenominator);
        }

        return 10000;
    }

    private static int? Fraction(int? numerator, int? denominator) =>
        numerator is int n and >= 0 && denominator is int d and > 0 && n <= d
            ? (int)Math.Round(n * 10000.0 / d, MidpointRounding.AwayFromZero)
            : null;

    private static int? Int(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<int>(out var result) ? result : null;
}
