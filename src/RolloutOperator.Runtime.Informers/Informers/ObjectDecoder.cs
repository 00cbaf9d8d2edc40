using System.Text.Json;
using k8s;

namespace RolloutOperator.Runtime.Informers;

/// <summary>
/// Decodes one object at a time, so one bad object cannot make a whole list or watch fail. Responses are parsed with
/// a generous depth (the API server accepts deep custom resources), then each object is decoded with the client's
/// normal settings, whose failures are reported per object.
/// </summary>
internal static class ObjectDecoder
{
    /// <summary>Depth for parsing a response: the API server's own JSON decoder stops at 10000.</summary>
    public static readonly JsonDocumentOptions Document = new() { MaxDepth = 10_000 };

    public static bool TryDecode<T>(JsonElement element, out T? value, out UndecodableObject? undecodable)
        where T : class
    {
        undecodable = null;
        try
        {
            value = KubernetesJson.Deserialize<T>(element);
            if (value is not null)
            {
                return true;
            }

            undecodable = Describe(element, "the object is null");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            undecodable = Describe(element, e.Message);
        }

        value = null;
        return false;
    }

    private static UndecodableObject Describe(JsonElement element, string error)
    {
        var metadata = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new UndecodableObject(
            new ObjectKey(Text(metadata, "namespace") ?? string.Empty, Text(metadata, "name") ?? string.Empty),
            Text(element, "apiVersion"),
            Text(element, "kind"),
            Text(metadata, "uid"),
            Text(metadata, "resourceVersion"),
            error.Length <= 512 ? error : error[..512] + "…");
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
