using System.Text.Json;
using k8s;
using k8s.Models;

namespace RolloutOperator.Runtime.Informers;

/// <summary>One line of a watch stream: <c>{"type": …, "object": …}</c>.</summary>
internal static class WatchLine
{
    /// <summary>
    /// The event, or null when there is none to deliver: an ERROR line (a Status, e.g. 410 Expired) and a line that is not
    /// a watch event go to <paramref name="onError"/>. An object that cannot be decoded becomes an event carrying
    /// <see cref="WatchEvent{T}.Undecodable"/> instead of failing the stream.
    /// </summary>
    public static WatchEvent<T>? Decode<T>(string line, Action<Exception> onError)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        try
        {
            using var document = JsonDocument.Parse(line, ObjectDecoder.Document);
            var root = document.RootElement;
            var type = root.GetProperty("type").GetString();
            var element = root.GetProperty("object");
            if (type == "ERROR")
            {
                onError(new KubernetesException(KubernetesJson.Deserialize<V1Status>(element.GetRawText())));
                return null;
            }

            var eventType = Type(type);
            return ObjectDecoder.TryDecode<T>(element, out var value, out var undecodable)
                ? new WatchEvent<T>(eventType, value!)
                : new WatchEvent<T>(eventType, null!) { Undecodable = undecodable };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            onError(e);
            return null;
        }
    }

    private static WatchEventType Type(string? type) => type switch
    {
        "ADDED" => WatchEventType.Added,
        "MODIFIED" => WatchEventType.Modified,
        "DELETED" => WatchEventType.Deleted,
        "BOOKMARK" => WatchEventType.Bookmark,
        _ => throw new InvalidOperationException($"unknown watch event type \"{type}\""),
    };
}
