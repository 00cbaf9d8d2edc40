using System.Globalization;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The Prometheus hosts the operator may contact, as the admin listed them: <c>host</c> (any port) or <c>host:port</c>;
/// IPv6 literals in brackets. Host names compare case-insensitively and exactly (no wildcards, no DNS). Empty allows all.
/// </summary>
public sealed class HostAllowList
{
    private readonly IReadOnlyList<(string Host, int? Port)> _entries;

    private HostAllowList(IReadOnlyList<(string Host, int? Port)> entries, IReadOnlyList<string> text)
    {
        _entries = entries;
        Entries = text;
    }

    public static HostAllowList All { get; } = new([], []);

    /// <summary>The entries as written (trimmed), for messages and docs.</summary>
    public IReadOnlyList<string> Entries { get; }

    public bool AllowsAll => _entries.Count == 0;

    /// <summary>Parses a comma-separated list; <paramref name="error"/> names the first entry that is not a host or host:port.</summary>
    public static bool TryParse(string? text, out HostAllowList list, out string error)
    {
        list = All;
        error = "";
        var items = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = new List<(string, int?)>(items.Length);
        foreach (var item in items)
        {
            if (Entry(item) is not { } entry)
            {
                error = $"\"{item}\" is not a host or host:port (IPv6 in brackets, e.g. [::1]:9090)";
                return false;
            }

            entries.Add(entry);
        }

        list = entries.Count == 0 ? All : new HostAllowList(entries, items);
        return true;
    }

    public bool Allows(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (AllowsAll)
        {
            return true;
        }

        var host = Normalize(address.Host);
        return _entries.Any(e => e.Host == host && (e.Port is null || e.Port == address.Port));
    }

    private static (string Host, int? Port)? Entry(string item)
    {
        string host;
        string? port = null;
        if (item.StartsWith('['))
        {
            var close = item.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < item.Length && item[close + 1] != ':'))
            {
                return null;
            }

            host = item[1..close];
            port = close + 1 < item.Length ? item[(close + 2)..] : null;
        }
        else
        {
            var colons = item.Count(c => c == ':');
            var split = colons == 1 ? item.IndexOf(':', StringComparison.Ordinal) : -1;
            host = split < 0 ? item : item[..split];
            port = split < 0 ? null : item[(split + 1)..];
        }

        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '@' or '?' or '#' or '[' or ']'))
        {
            return null;
        }

        if (port is null)
        {
            return (Normalize(host), null);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535
            ? (Normalize(host), number)
            : null;
    }

    // Uri.Host keeps IPv6 brackets and may end in the root dot; entries are written without either.
    private static string Normalize(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();
}
