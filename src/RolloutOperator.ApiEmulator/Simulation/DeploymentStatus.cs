using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Simulation;

/// <summary>The Deployment status documents the simulated controller writes.</summary>
internal static class DeploymentStatus
{
    public static JsonObject Build(JsonObject deployment, long updated, long ready, string now, JsonObject? previous, bool deadlineExceeded = false)
    {
        var spec = JsonTree.Long(deployment["spec"]?["replicas"]) ?? 1;
        var available = Math.Min(ready, spec);
        var minimumAvailable = available >= spec - MaxUnavailable(deployment, spec);
        var status = new JsonObject
        {
            ["observedGeneration"] = JsonTree.Long(deployment["metadata"]?["generation"]) ?? 1,
            ["replicas"] = spec,
            ["updatedReplicas"] = updated,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = available,
        };
        if (spec - available > 0)
        {
            status["unavailableReplicas"] = spec - available;
        }

        var progressing = deadlineExceeded
            ? Condition("Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet has timed out progressing.", now, previous)
            : updated == spec && available == spec
                ? Condition("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet has successfully progressed.", now, previous)
                : Condition("Progressing", "True", "ReplicaSetUpdated", "ReplicaSet is progressing.", now, previous);
        var availability = minimumAvailable
            ? Condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, previous)
            : Condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, previous);
        status["conditions"] = new JsonArray(availability, progressing);
        return status;
    }

    private static long MaxUnavailable(JsonObject deployment, long replicas)
    {
        var value = JsonTree.Get(deployment, ["spec", "strategy", "rollingUpdate", "maxUnavailable"]);
        if (value?.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().TrimEnd('%') is var percent &&
            double.TryParse(percent, System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            return (long)Math.Floor(replicas * p / 100);
        }

        return JsonTree.Long(value) ?? 0;
    }

    /// <summary>Keeps lastTransitionTime when the condition status did not change.</summary>
    private static JsonObject Condition(string type, string status, string reason, string message, string now, JsonObject? previous)
    {
        var old = JsonTree.Objects(previous?["conditions"]).FirstOrDefault(c => JsonTree.Str(c, "type") == type);
        var transition = old is not null && JsonTree.Str(old, "status") == status ? JsonTree.Str(old, "lastTransitionTime") ?? now : now;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = now,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
    }
}
