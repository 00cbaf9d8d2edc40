using System.Text;

namespace RolloutOperator.Controller.Traffic;

/// <summary>
/// Header prefix matches become regular expressions (neither Gateway API nor NGINX has a prefix header match). Only the
/// metacharacters shared by RE2, PCRE and POSIX ERE are escaped: RE2 (Envoy, most gateways) rejects escapes of ordinary
/// characters that .NET's Regex.Escape would emit.
/// </summary>
internal static class HeaderPatterns
{
    private const string Metacharacters = @"\.+*?()|[]{}^$";

    public static string Prefix(string value) => "^" + Escape(value) + ".*";

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (Metacharacters.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
