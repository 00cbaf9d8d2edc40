using System.Text.Json.Nodes;

namespace RolloutOperator.Cli.Commands;

/// <summary>
/// The pod-template fields the API server fills in on Deployments. A template copied back from a Deployment carries
/// them, which would make it hash to a new revision; removing the values that equal the defaults usually recovers the
/// user's template (and so the original revision). Values that differ from the defaults are always kept.
/// </summary>
internal static class ServerDefaults
{
    private static readonly (string Field, string Value)[] Pod =
    [
        ("dnsPolicy", "ClusterFirst"), ("restartPolicy", "Always"), ("schedulerName", "default-scheduler"),
    ];

    private static readonly (string Field, string Value)[] Container =
    [
        ("terminationMessagePath", "/dev/termination-log"), ("terminationMessagePolicy", "File"),
    ];

    public static JsonObject Strip(JsonObject template)
    {
        var copy = (JsonObject)template.DeepClone();
        if (copy["spec"] is not JsonObject spec)
        {
            return copy;
        }

        RemoveEqual(spec, Pod);
        if (spec["securityContext"] is JsonObject { Count: 0 })
        {
            spec.Remove("securityContext");
        }

        if (spec["terminationGracePeriodSeconds"] is JsonValue grace && grace.TryGetValue<long>(out var seconds) && seconds == 30)
        {
            spec.Remove("terminationGracePeriodSeconds");
        }

        foreach (var list in new[] { "containers", "initContainers" })
        {
            foreach (var container in (spec[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                RemoveEqual(container, Container);
                var image = (string?)container["image"] ?? "";
                var pullDefault = image.EndsWith(":latest", StringComparison.Ordinal) || !image.Contains(':', StringComparison.Ordinal) ? "Always" : "IfNotPresent";
                RemoveEqual(container, [("imagePullPolicy", pullDefault)]);
            }
        }

        return copy;
    }

    private static void RemoveEqual(JsonObject target, (string Field, string Value)[] defaults)
    {
        foreach (var (field, value) in defaults)
        {
            if (target[field] is JsonValue v && v.TryGetValue<string>(out var text) && text == value)
            {
                target.Remove(field);
            }
        }
    }
}
