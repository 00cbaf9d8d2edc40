using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>
/// The dashboard acts with the user's credentials, so a web page elsewhere must not be able to drive it. Every request
/// must name this server in Host (a DNS-rebinding page names its own host); every POST must come from this origin and
/// carry the random per-process token that only pages served here contain.
/// </summary>
internal sealed class RequestGuard(string token)
{
    public string Token { get; } = token;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static bool HostAllowed(HttpRequest request, int port)
    {
        var host = request.Host;
        return host.Port == port && host.Host is "127.0.0.1" or "localhost";
    }

    /// <summary>Null when the POST may proceed, else why not.</summary>
    public string? CheckPost(HttpRequest request, int port, string? sentToken)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin != $"http://127.0.0.1:{port}" && origin != $"http://localhost:{port}")
        {
            return origin.Length == 0 ? "the request has no Origin header" : "the request comes from another origin";
        }

        return TokenMatches(sentToken) ? null : "the anti-forgery token is missing or wrong; reload the page";
    }

    private bool TokenMatches(string? sent) =>
        sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(Token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
