namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Istio names a Service by its short name or by a longer in-namespace form (<c>web</c>, <c>web.shop</c>,
/// <c>web.shop.svc</c>, <c>web.shop.svc.cluster.local</c>); all of them mean the same destination.
/// </summary>
internal static class ServiceHosts
{
    /// <summary>The Service a host names in <paramref name="namespace"/>, or the host itself when it names none there.</summary>
    public static string ServiceOf(string host, string @namespace)
    {
        ArgumentNullException.ThrowIfNull(host);
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return host;
        }

        var rest = host[(dot + 1)..];
        return rest == @namespace || rest == $"{@namespace}.svc" || rest.StartsWith($"{@namespace}.svc.", StringComparison.Ordinal)
            ? host[..dot]
            : host;
    }

    /// <summary>The host naming <paramref name="service"/> in the same form as <paramref name="like"/> (short stays short, FQDN stays FQDN).</summary>
    public static string Rename(string like, string service)
    {
        ArgumentNullException.ThrowIfNull(like);
        var dot = like.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? service : service + like[dot..];
    }
}
