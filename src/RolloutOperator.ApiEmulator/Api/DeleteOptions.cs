using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>metav1.DeleteOptions as far as the emulator honours them.</summary>
internal sealed record DeleteOptions(string Propagation, string? PreconditionUid, string? PreconditionRv, bool DryRun)
{
    public static DeleteOptions From(JsonObject? body, string? queryPropagation, bool dryRun)
    {
        var propagation = queryPropagation ?? JsonTree.Str(body, "propagationPolicy");
        if (propagation is null && JsonTree.Bool(body?["orphanDependents"]) is { } orphan)
        {
            propagation = orphan ? "Orphan" : "Background";
        }

        if (propagation is not (null or "Background" or "Foreground" or "Orphan"))
        {
            throw Errors.BadRequest($"propagationPolicy: Unsupported value: \"{propagation}\"");
        }

        var preconditions = body?["preconditions"];
        return new DeleteOptions(
            propagation ?? "Background",
            JsonTree.Str(preconditions, "uid"),
            JsonTree.Str(preconditions, "resourceVersion"),
            dryRun || (body?["dryRun"] is JsonArray { Count: > 0 }));
    }
}
