using System.Security.Cryptography;
using System.Text;

namespace RolloutOperator.Model;

/// <summary>
/// Deterministic child names. A revision Deployment is <c>&lt;rollout&gt;-&lt;revision&gt;</c>; it is kept within 63
/// characters because the ReplicaSet and pod names derived from it (and the hostnames of its pods) must stay valid DNS
/// labels. A longer Rollout name is truncated and disambiguated by a hash of the full name, so two long names never collide.
/// </summary>
public static class RevisionNames
{
    private const int MaxLabel = 63;
    private const int HashLength = 8;

    public static string Deployment(string rollout, string revision)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(revision);
        var name = $"{rollout}-{revision}";
        return name.Length <= MaxLabel ? name : $"{Shorten(rollout, MaxLabel - revision.Length - 1)}-{revision}";
    }

    /// <summary>A label value (≤ 63 characters) that identifies the Rollout on its children.</summary>
    public static string LabelValue(string rollout) => Bounded(rollout, MaxLabel);

    /// <summary>The name itself when it fits in <paramref name="max"/> characters, else a shortened, hash-suffixed form of it.</summary>
    public static string Bounded(string name, int max)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length <= max ? name : Shorten(name, max);
    }

    /// <summary>
    /// A DNS label (≤ 63 characters) for a child whose raw name may hold characters a label may not (upper case, '_',
    /// '.'): kept as is when it is a label already, else lowered, cleaned, and disambiguated by a hash of the raw name,
    /// so two raw names that clean to the same text never collide.
    /// </summary>
    public static string Label(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var cleaned = new string([.. raw.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        return cleaned == raw && raw.Length <= MaxLabel ? raw : Shorten(cleaned.Length == 0 ? "x" : cleaned, MaxLabel, raw);
    }

    private static string Shorten(string name, int max, string? hashed = null)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashed ?? name)))[..HashLength];
        var prefix = name[..Math.Min(name.Length, Math.Max(1, max - HashLength - 1))].TrimEnd('-', '.');
        return $"{prefix}-{hash}";
    }
}
