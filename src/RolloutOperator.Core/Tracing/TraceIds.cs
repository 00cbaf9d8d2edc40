using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RolloutOperator.Core.Tracing;

/// <summary>
/// Trace and span ids as pure functions of what status records, so an operator that restarts (or runs on another
/// replica) names the same trace and the same spans: a child emitted before a restart and its parent emitted after it
/// still join up, and a span emitted twice carries the same id twice.
/// </summary>
public static class TraceIds
{
    /// <summary>32 lowercase hex digits: the first 16 bytes of SHA-256("trace\n{uid}\n{revision}\n{startedAt unix seconds}").</summary>
    public static string Trace(string rolloutUid, string revision, DateTimeOffset startedAt) =>
        Hash($"trace\n{rolloutUid}\n{revision}\n{Seconds(startedAt)}", 16);

    /// <summary>16 lowercase hex digits: the first 8 bytes of SHA-256("span\n{traceId}\n{key}").</summary>
    public static string Span(string traceId, string key) => Hash($"span\n{traceId}\n{key}", 8);

    public static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Hash(string text, int bytes)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, bytes).ToArray();

        // An all-zero id is invalid in W3C trace context; the chance is 2^-64 at worst, but the fix is free.
        if (hash.All(b => b == 0))
        {
            hash[^1] = 1;
        }

        return Convert.ToHexStringLower(hash);
    }
}
