using System.Globalization;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// The HTTP request for one query. POST with a form body: the API accepts it for both endpoints, and a long rendered
/// query does not hit URL length limits of proxies in front of Prometheus.
/// </summary>
internal static class PrometheusRequest
{
    public static HttpRequestMessage Create(Uri address, string query, PrometheusRange? range, DateTimeOffset now, TimeSpan timeout)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("query", query),

            // Lets Prometheus stop evaluating once we would no longer wait for the answer.
            new("timeout", Seconds(timeout) + "s"),
        };
        string path;
        if (range is null)
        {
            path = "api/v1/query";
            fields.Add(new("time", Unix(now)));
        }
        else
        {
            path = "api/v1/query_range";
            fields.Add(new("start", Unix(now - Duration(range.Window, TimeSpan.FromMinutes(5)))));
            fields.Add(new("end", Unix(now)));
            fields.Add(new("step", Seconds(Duration(range.Step, TimeSpan.FromSeconds(15))) + "s"));
        }

        return new HttpRequestMessage(HttpMethod.Post, Endpoint(address, path)) { Content = new FormUrlEncodedContent(fields) };
    }

    // Keeps a path prefix such as https://example.com/prometheus/.
    public static Uri Endpoint(Uri address, string path)
    {
        var text = address.GetLeftPart(UriPartial.Path);
        return new Uri(new Uri(text.EndsWith('/') ? text : text + "/"), path);
    }

    // The parser has validated the durations; the fallbacks only guard a hand-built plan.
    private static TimeSpan Duration(string? text, TimeSpan fallback) =>
        Durations.TryParse(text, out var value) && value > TimeSpan.Zero ? value : fallback;

    private static string Unix(DateTimeOffset time) => Seconds(TimeSpan.FromMilliseconds(time.ToUnixTimeMilliseconds()));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
