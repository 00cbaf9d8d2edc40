using System.Text.Json.Nodes;

namespace RolloutOperator.Testing;

/// <summary>
/// kstatus' generic rules, which Flux health checks (and <c>wait</c>) apply to a custom resource without a type-specific
/// reader, mirrored from sigs.k8s.io/cli-utils pkg/kstatus/status (Compute → checkGenericProperties → checkGeneration):
/// a deletionTimestamp is Terminating; an observedGeneration that is present and differs from metadata.generation is
/// InProgress; otherwise the first condition that is Reconciling=True (InProgress) or Stalled=True (Failed), in list
/// order, decides; with neither the resource is Current. Ready is not read.
/// </summary>
internal static class Kstatus
{
    public const string Current = "Current";
    public const string InProgress = "InProgress";
    public const string Failed = "Failed";
    public const string Terminating = "Terminating";

    public static string Compute(JsonNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource["metadata"]?["deletionTimestamp"] is JsonValue deletion && deletion.GetValue<string>().Length > 0)
        {
            return Terminating;
        }

        var generation = (long?)resource["metadata"]?["generation"];
        var observed = (long?)resource["status"]?["observedGeneration"];
        if (generation is { } g && observed is { } o && o != g)
        {
            return InProgress;
        }

        foreach (var condition in resource["status"]?["conditions"]?.AsArray() ?? [])
        {
            var type = (string?)condition?["type"];
            if ((string?)condition?["status"] != "True")
            {
                continue;
            }

            if (type == "Reconciling")
            {
                return InProgress;
            }

            if (type == "Stalled")
            {
                return Failed;
            }
        }

        return Current;
    }
}
