using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Traffic.Istio;

/// <summary>
/// Which route destinations are the stable and which the canary one. Host-based: the destination's host names the stable
/// or canary Service. Subset-based: the destination's host names the DestinationRule's host and its subset is the
/// stable or canary subset.
/// </summary>
internal sealed record DestinationRoles(string Namespace, string StableService, string CanaryService, SubsetRouting? Subsets)
{
    public bool IsStable(JsonNode? destination) => Is(destination, StableService, Subsets?.StableSubset);

    public bool IsCanary(JsonNode? destination) => Is(destination, CanaryService, Subsets?.CanarySubset);

    /// <summary>What the user should have written, for error messages.</summary>
    public string StableText => Subsets is { } s ? $"host {s.Host} subset {s.StableSubset}" : $"Service {StableService}";

    /// <summary>The canary destination, cloned from the stable one so port and host form stay the user's.</summary>
    public JsonObject CanaryFrom(JsonObject stableDestination)
    {
        var canary = stableDestination.DeepClone().AsObject();
        if (Subsets is { } subsets)
        {
            canary["subset"] = subsets.CanarySubset;
        }
        else
        {
            canary["host"] = ServiceHosts.Rename(Text(stableDestination, "host"), CanaryService);
        }

        return canary;
    }

    private bool Is(JsonNode? destination, string service, string? subset)
    {
        if (destination is not JsonObject d)
        {
            return false;
        }

        var host = ServiceHosts.ServiceOf(Text(d, "host"), Namespace);
        return Subsets is { } subsets
            ? host == ServiceHosts.ServiceOf(subsets.Host, Namespace) && Text(d, "subset") == subset
            : host == service;
    }

    private static string Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
