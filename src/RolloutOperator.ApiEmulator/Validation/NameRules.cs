using RolloutOperator.ApiEmulator.Resources;

namespace RolloutOperator.ApiEmulator.Validation;

/// <summary>
/// The name rule of each kind. A <c>generateName</c> is checked as a prefix: like the API server, a trailing '-' is
/// masked before the check (by its own quirk, the character before the dash goes with it), so "web-" passes and "web."
/// does not.
/// </summary>
internal static class NameRules
{
    /// <summary>The server keeps at most this much of a generateName, then appends five random characters.</summary>
    public const int MaxGeneratedBase = 58;

    /// <summary>Messages for a name or prefix; null when the kind's names are not validated (core/v1 Events).</summary>
    public static Func<string, bool, List<string>>? For(ResourceType type) => type.GroupResource switch
    {
        "namespaces" => (name, prefix) => TextRules.Dns1123Label(prefix ? MaskTrailingDash(name) : name),
        "services" => (name, prefix) => TextRules.Dns1035Label(prefix ? MaskTrailingDash(name) : name),
        "events" => null,
        "roles.rbac.authorization.k8s.io" or "rolebindings.rbac.authorization.k8s.io"
            or "clusterroles.rbac.authorization.k8s.io" or "clusterrolebindings.rbac.authorization.k8s.io" => TextRules.PathSegment,
        _ => (name, prefix) => TextRules.Dns1123Subdomain(prefix ? MaskTrailingDash(name) : name),
    };

    private static string MaskTrailingDash(string name) =>
        name.EndsWith('-') ? (name.Length >= 2 ? name[..^2] : string.Empty) + "a" : name;
}
