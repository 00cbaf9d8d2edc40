namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>
/// Navigation over YamlDotNet's untyped model (maps are Dictionary&lt;object, object&gt;, sequences List&lt;object&gt;,
/// scalars strings), so tests compare rendered text exactly as kubectl would receive it.
/// </summary>
internal static class Node
{
    public static object? At(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not Dictionary<object, object> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(object? node, params string[] path) => At(node, path) as string;

    public static IReadOnlyList<object> List(object? node, params string[] path) =>
        At(node, path) as List<object> ?? [];

    public static IReadOnlyDictionary<object, object> Map(object? node, params string[] path) =>
        At(node, path) as Dictionary<object, object> ?? [];

    public static IReadOnlyList<string> Strings(object? node, params string[] path) =>
        List(node, path).Select(item => item as string ?? "").ToList();
}
