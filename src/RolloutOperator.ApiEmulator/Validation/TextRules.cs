using System.Text;
using System.Text.RegularExpressions;

namespace RolloutOperator.ApiEmulator.Validation;

/// <summary>
/// The API server's string formats (DNS names, qualified names, label values, path segments), each returning the list
/// of messages the server reports, in its order and wording. Lengths count UTF-8 bytes, as the server does.
/// </summary>
internal static partial class TextRules
{
    public const int SubdomainMax = 253;
    public const int LabelMax = 63;

    private const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFmt = Dns1123LabelFmt + @"(\." + Dns1123LabelFmt + ")*";
    private const string Dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";
    private static readonly string[] PathSegmentForbidden = ["/", "%"];

    private const string QualifiedNameMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    public static List<string> Dns1123Subdomain(string value)
    {
        var errors = MaxLength(value, SubdomainMax);
        if (!SubdomainPattern().IsMatch(value))
        {
            errors.Add(RegexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", Dns1123SubdomainFmt, "example.com"));
        }

        return errors;
    }

    public static List<string> Dns1123Label(string value)
    {
        var errors = MaxLength(value, LabelMax);
        if (!Dns1123LabelPattern().IsMatch(value))
        {
            errors.Add(SubdomainPattern().IsMatch(value)
                ? "must not contain dots"
                : RegexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", Dns1123LabelFmt, "my-name", "123-abc"));
        }

        return errors;
    }

    public static List<string> Dns1035Label(string value)
    {
        var errors = MaxLength(value, LabelMax);
        if (!Dns1035LabelPattern().IsMatch(value))
        {
            errors.Add(RegexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", Dns1035LabelFmt, "my-name", "abc-123"));
        }

        return errors;
    }

    /// <summary>Label keys, annotation keys (lower-cased first), finalizers, reportingController.</summary>
    public static List<string> QualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            errors.Add("a qualified name " + RegexError(QualifiedNameMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc")
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errors;
        }

        var name = parts[^1];
        if (parts.Length == 2)
        {
            var prefix = parts[0];
            errors.AddRange(prefix.Length == 0 ? ["prefix part must be non-empty"] : Dns1123Subdomain(prefix).Select(m => "prefix part " + m));
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (Encoding.UTF8.GetByteCount(name) > LabelMax)
        {
            errors.Add("name part " + MaxLengthError(LabelMax));
        }

        if (!QualifiedNamePattern().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    public static List<string> LabelValue(string value)
    {
        var errors = MaxLength(value, LabelMax);
        if (!LabelValuePattern().IsMatch(value))
        {
            errors.Add(RegexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LabelValueFmt, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary>Names that only have to be usable as one URL path segment (RBAC kinds); a prefix may be "." or "..".</summary>
    public static List<string> PathSegment(string value, bool prefix)
    {
        if (!prefix && value is "." or "..")
        {
            return [$"may not be '{value}'"];
        }

        return PathSegmentForbidden.Where(value.Contains).Select(s => $"may not contain '{s}'").ToList();
    }

    public static string MaxLengthError(int max) => $"must be no more than {max} characters";

    private static List<string> MaxLength(string value, int max) =>
        Encoding.UTF8.GetByteCount(value) > max ? [MaxLengthError(max)] : [];

    private static string RegexError(string message, string format, params string[] examples) =>
        $"{message} (e.g. {string.Join(" or ", examples.Select(e => $"'{e}', "))}regex used for validation is '{format}')";

    [GeneratedRegex("^" + Dns1123SubdomainFmt + @"\z")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^" + Dns1123LabelFmt + @"\z")]
    private static partial Regex Dns1123LabelPattern();

    [GeneratedRegex("^" + Dns1035LabelFmt + @"\z")]
    private static partial Regex Dns1035LabelPattern();

    [GeneratedRegex("^" + QualifiedNameFmt + @"\z")]
    private static partial Regex QualifiedNamePattern();

    [GeneratedRegex("^" + LabelValueFmt + @"\z")]
    private static partial Regex LabelValuePattern();
}
