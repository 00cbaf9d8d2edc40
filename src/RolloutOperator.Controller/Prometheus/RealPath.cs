namespace RolloutOperator.Controller.PrometheusProvider;

/// <summary>
/// The path with every symbolic link resolved, like realpath(3): each component is checked, not only the last, so a
/// link anywhere on the way is followed. Components that do not exist are kept as written.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links (a loop).</exception>
    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var pending = new Stack<string>(path.Split('/').Reverse());
        var current = "/";
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Parent(current);
                continue;
            }

            var next = current == "/" ? "/" + segment : current + "/" + segment;
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("too many levels of symbolic links");
            }

            foreach (var part in target.Split('/').Reverse())
            {
                pending.Push(part);
            }

            // A relative target is resolved from the link's directory, which is still `current`.
            if (target.StartsWith('/'))
            {
                current = "/";
            }
        }

        return current;
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
