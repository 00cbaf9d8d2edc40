namespace RolloutOperator.Core.Parsing;

/// <summary>
/// The one rule for every address a namespaced object makes the operator call (webhook gates, web metrics, notification
/// sinks): an absolute http or https URL without user info, on a host of --outbound-allowed-hosts. A refused address is an
/// InvalidSpec at its field and is never contacted.
/// </summary>
public static class OutboundAddress
{
    public const int MaxLength = 2048;

    /// <summary>The parsed address, or null with the problem filed at <paramref name="path"/>.</summary>
    internal static Uri? Check(string? address, string path, HostAllowList allowed, SpecErrors errors)
    {
        if (Fields.IsBlank(address))
        {
            errors.Add(path, "url is required");
            return null;
        }

        if (address!.Length > MaxLength)
        {
            errors.Add(path, $"must be at most {MaxLength} characters");
            return null;
        }

        if (!IsHttpUrl(address, out var uri))
        {
            errors.Add(path, $"\"{Fields.Shown(address)}\" must be an absolute http or https URL");
            return null;
        }

        // A password in a URL would end up in status and events; credentials belong in a Secret-backed header.
        if (uri.UserInfo.Length > 0)
        {
            errors.Add(path, "must not contain user info; send credentials in a header from a Secret (secretKeyRef)");
            return null;
        }

        if (!allowed.Allows(uri))
        {
            errors.Add(path, $"address {Display(uri)} is not allowed: host {uri.Authority} is not in the operator's --outbound-allowed-hosts ({string.Join(", ", allowed.Entries)})");
            return null;
        }

        return uri;
    }

    public static bool IsHttpUrl(string text, out Uri uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && !string.IsNullOrEmpty(parsed.Host))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }

    /// <summary>The address without user info or query, for messages: a query string may carry a token.</summary>
    public static string Display(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
