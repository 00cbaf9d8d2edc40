using System.Globalization;
using System.Text.Json;
using RolloutOperator.Controller.Analysis;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// Turns a Prometheus HTTP API body into values. scalar → one value; vector → one value per series; matrix → every sample
/// of every series, series after series (a window is judged as a whole, e.g. <c>results.all(x, x &lt; 0.5)</c>).
/// An empty result, or one whose values are all NaN, is no data: never a number.
/// </summary>
internal static class PrometheusResponseParser
{
    public static MetricQueryResult Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Interpret(document.RootElement);
        }
        catch (JsonException e)
        {
            return Malformed(e.Message);
        }
        catch (InvalidOperationException e)
        {
            // Wrong JSON kinds where the API promises a shape (e.g. "result": 5).
            return Malformed(e.Message);
        }
        catch (FormatException e)
        {
            return Malformed(e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return Malformed(e.Message);
        }
        catch (IndexOutOfRangeException e)
        {
            return Malformed(e.Message);
        }
    }

    /// <summary>The reason from an error body (also sent with 4xx/5xx statuses), or null when the body is not one.</summary>
    public static string? ErrorReason(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && Text(root, "status") == "error" ? Reason(root) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MetricQueryResult Interpret(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Malformed("the body is not a JSON object");
        }

        switch (Text(root, "status"))
        {
            case "error":
                return MetricQueryResult.Failed($"prometheus error: {Reason(root)}");
            case "success":
                break;
            case var other:
                return Malformed($"unexpected status \"{other}\"");
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("result", out var result))
        {
            return Malformed("no data.result");
        }

        return Text(data, "resultType") switch
        {
            "scalar" => Values([Sample(result)]),
            "vector" => Values([.. result.EnumerateArray().Select(series => Sample(series.GetProperty("value")))]),
            "matrix" => Values([.. result.EnumerateArray().SelectMany(Samples)]),
            "string" => MetricQueryResult.Failed("the query returned a string, not a number"),
            var type => Malformed($"unknown resultType \"{type}\""),
        };
    }

    private static IEnumerable<double> Samples(JsonElement series) =>
        series.TryGetProperty("values", out var values) ? values.EnumerateArray().Select(Sample) : [];

    private static MetricQueryResult Values(IReadOnlyList<double> values) =>
        values.All(double.IsNaN) ? MetricQueryResult.NoData : MetricQueryResult.Data(values);

    // A sample is [unixTime, "value"]; the value is a string so NaN and ±Inf survive JSON.
    private static double Sample(JsonElement pair)
    {
        var text = pair[1].GetString() ?? throw new FormatException("sample value is null");
        return text switch
        {
            "NaN" => double.NaN,
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private static string Reason(JsonElement root)
    {
        var type = Text(root, "errorType");
        var error = Text(root, "error") ?? "no reason given";
        return type is null ? error : $"{type}: {error}";
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static MetricQueryResult Malformed(string detail) => MetricQueryResult.Failed($"malformed response from Prometheus: {detail}");
}
