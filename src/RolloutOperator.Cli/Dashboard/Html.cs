using System.Globalization;
using System.Text.Encodings.Web;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// Encoding for the hand-written HTML. Every value that comes from the cluster or the user goes through E (text and
/// quoted attributes alike): any field of a namespaced object may have been written by someone hostile.
/// </summary>
internal static class Html
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string E(FormattableString value) => E(FormattableString.Invariant(value));

    /// <summary>A path segment of our own URLs (namespace or name), escaped so it cannot leave the segment.</summary>
    public static string Seg(string? value) => Uri.EscapeDataString(value ?? "");

    public static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string RolloutPath(string? ns, string name) => $"/rollouts/{Seg(ns)}/{Seg(name)}";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
