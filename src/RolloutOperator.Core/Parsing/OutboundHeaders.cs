using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Checks the headers of an outbound request. Names must be HTTP tokens, unique, and not ones the operator owns (framing,
/// host, content type); each header has exactly one of a literal value and a Secret key in the Rollout's namespace.
/// </summary>
internal static class OutboundHeaders
{
    public const int MaxHeaders = 16;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "content-type", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer",
        "proxy-authorization", "proxy-connection", "expect", "cookie",
    };

    public static void Check(IReadOnlyList<OutboundHeader>? headers, string path, SpecErrors errors)
    {
        if (headers is null)
        {
            return;
        }

        if (headers.Count > MaxHeaders)
        {
            errors.Add(path, $"at most {MaxHeaders} headers, got {headers.Count}");
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            CheckOne(headers[i], $"{path}[{i}]", seen, errors);
        }
    }

    private static void CheckOne(OutboundHeader? header, string at, HashSet<string> seen, SpecErrors errors)
    {
        if (header is null)
        {
            errors.Add(at, "must be an object");
            return;
        }

        var name = header.Name ?? "";
        if (name.Length is 0 or > 256 || !name.All(IsTokenChar))
        {
            errors.Add($"{at}.name", $"\"{Fields.Shown(name)}\" is not a valid header name");
        }
        else if (Reserved.Contains(name))
        {
            errors.Add($"{at}.name", $"header {name} is set by the operator and cannot be configured");
        }
        else if (!seen.Add(name))
        {
            errors.Add($"{at}.name", $"duplicate header {name}");
        }

        CheckValue(header, at, errors);
    }

    private static void CheckValue(OutboundHeader header, string at, SpecErrors errors)
    {
        if ((header.Value is null) == (header.SecretKeyRef is null))
        {
            errors.Add(at, "set exactly one of value and secretKeyRef");
            return;
        }

        if (header.Value is { } value && (value.Length > 4096 || value.Any(c => c is '\r' or '\n' or '\0')))
        {
            errors.Add($"{at}.value", "must be at most 4096 characters without line breaks");
        }

        if (header.SecretKeyRef is { } secret && (Fields.IsBlank(secret.Name) || Fields.IsBlank(secret.Key)))
        {
            errors.Add($"{at}.secretKeyRef", "name and key are required");
        }
    }

    // RFC 9110 token characters.
    private static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
