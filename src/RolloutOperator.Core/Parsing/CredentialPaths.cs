namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Where a file credential (bearer token, CA bundle) may be read from: an absolute path, written without <c>.</c> or
/// <c>..</c> segments, strictly below one of the directories the operator's admin allowed. This is the textual rule;
/// the reader resolves symbolic links and checks the real path again before it opens anything.
/// </summary>
public static class CredentialPaths
{
    /// <returns>Why the path is refused, or null when it is acceptable.</returns>
    public static string? Refusal(string? path, IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        if (string.IsNullOrEmpty(path) || !IsCanonical(path))
        {
            return $"\"{path}\" must be an absolute path without \".\" or \"..\" segments";
        }

        if (directories.Count == 0)
        {
            return $"\"{path}\" is refused: the operator allows no credential directories (flag --credential-file-dirs); use a Secret reference instead";
        }

        return IsUnder(path, directories)
            ? null
            : $"\"{path}\" is not under a directory allowed by the operator (--credential-file-dirs: {string.Join(", ", directories)})";
    }

    /// <summary>True when <paramref name="path"/> lies strictly below one of <paramref name="directories"/> (both canonical).</summary>
    public static bool IsUnder(string path, IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(directories);
        return directories.Any(d => IsCanonical(d) && path.StartsWith(d.TrimEnd('/') + "/", StringComparison.Ordinal) && path.Length > d.TrimEnd('/').Length + 1);
    }

    /// <summary>Absolute, no NUL, and no empty, <c>.</c> or <c>..</c> segment (a trailing slash is allowed).</summary>
    public static bool IsCanonical(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var segments = path.TrimEnd('/').Split('/')[1..];
        return segments.All(s => s.Length > 0 && s != "." && s != "..");
    }
}
