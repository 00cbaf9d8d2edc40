using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Controller.Traffic.Alb;

/// <summary>
/// The forward action the load balancer controller reads from <c>&lt;prefix&gt;/actions.&lt;rootService&gt;</c>: two
/// target groups (stable and canary Service on the same port) with weights adding up to 100, and optionally target group
/// stickiness. The value is the operator's alone: it is always written whole.
/// </summary>
internal static class AlbAction
{
    public static string Key(AlbRouting alb, string stableService) =>
        $"{alb.AnnotationPrefix ?? AlbDefaults.AnnotationPrefix}/actions.{RootService(alb, stableService)}";

    public static string RootService(AlbRouting alb, string stableService) => alb.RootService ?? stableService;

    public static JsonObject Build(AlbRouting alb, string stableService, string canaryService, int canaryWeight)
    {
        var port = alb.ServicePort.ToString(CultureInfo.InvariantCulture);
        var forward = new JsonObject
        {
            ["targetGroups"] = new JsonArray(
                TargetGroup(stableService, port, 100 - canaryWeight),
                TargetGroup(canaryService, port, canaryWeight)),
        };
        if (alb.Stickiness is { } stickiness)
        {
            forward["targetGroupStickinessConfig"] = new JsonObject
            {
                ["enabled"] = stickiness.Enabled,
                ["durationSeconds"] = stickiness.DurationSeconds ?? AlbDefaults.StickinessSeconds,
            };
        }

        return new JsonObject { ["type"] = "forward", ["forwardConfig"] = forward };
    }

    /// <summary>The annotation value as JSON, or null when it is missing or not a JSON object.</summary>
    public static JsonObject? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(value) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The canary's share of the stable+canary weight (rounded down), or null when the action does not forward to the
    /// stable Service: then it is not the operator's action yet, and the engine writes it.
    /// </summary>
    public static int? CanaryWeight(JsonObject? action, string stableService, string canaryService)
    {
        if (action?["forwardConfig"]?["targetGroups"] is not JsonArray groups)
        {
            return null;
        }

        var stable = Weight(groups, stableService);
        var canary = Weight(groups, canaryService) ?? 0;
        return stable is { } s && s + canary > 0 ? canary * 100 / (s + canary) : null;
    }

    private static int? Weight(JsonArray groups, string service)
    {
        foreach (var group in groups.OfType<JsonObject>())
        {
            if (group["serviceName"] is JsonValue name && name.TryGetValue<string>(out var n) && n == service)
            {
                return group["weight"] is JsonValue w && w.TryGetValue<int>(out var weight) ? weight : 0;
            }
        }

        return null;
    }

    private static JsonObject TargetGroup(string service, string port, int weight) =>
        new() { ["serviceName"] = service, ["servicePort"] = port, ["weight"] = weight };
}
