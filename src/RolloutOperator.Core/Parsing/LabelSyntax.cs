using System.Text.RegularExpressions;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Kubernetes label key and value syntax. A selector that breaks it would be written into status.selector, where the
/// scale subresource and every client that parses it would fail.
/// </summary>
internal static partial class LabelSyntax
{
    public static string? KeyError(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "label key must not be empty";
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (prefix, name) = slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
        if (prefix is not null && (prefix.Length is 0 or > 253 || !Subdomain().IsMatch(prefix)))
        {
            return $"label key \"{Fields.Shown(key)}\" has an invalid prefix: it must be a DNS subdomain of at most 253 characters";
        }

        return name.Length is 0 or > 63 || !Name().IsMatch(name)
            ? $"label key \"{Fields.Shown(key)}\" is invalid: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, after an optional DNS prefix and '/'"
            : null;
    }

    public static string? ValueError(string? value) =>
        value is null || (value.Length <= 63 && (value.Length == 0 || Name().IsMatch(value)))
            ? null
            : $"label value \"{Fields.Shown(value)}\" is invalid: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
