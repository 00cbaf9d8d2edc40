using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Controller.Tests.Traffic;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// A Gateway API canary (HTTPRoute <c>web</c>, header route <c>beta</c>, then 30%) driven to its indefinite pause, for the
/// tests of what happens to the user's route when the Rollout lets go of it. Needs a harness started with Gateway API.
/// </summary>
internal static class GatewayCanary
{
    public const string Group = "gateway.networking.k8s.io";
    public const string Route = "web";
    /// <summary>The router adds one header rule per managed rule, named with this prefix.</summary>
    public const string HeaderRulePrefix = "rollout-operator-beta";

    public const string Strategy = """
        {"canary":{"stableService":"web-stable","canaryService":"web-canary",
          "trafficRouting":{"gatewayAPI":{"httpRoutes":[{"name":"web"}]},"managedRoutes":[{"name":"beta"}]},
          "steps":[
            {"setHeaderRoute":{"name":"beta","match":[{"headerName":"x-canary","headerValue":{"exact":"yes"}}]}},
            {"setWeight":30},
            {"pause":{}}]}}
        """;

    /// <summary>Creates Services, route and Rollout, promotes web:1, starts web:2 and waits at the pause (30% + header rule).</summary>
    public static async Task<JsonObject> StartAtWeight30Async(ControllerHarness h)
    {
        await h.CreateServicesAsync("web-stable", "web-canary");
        var route = JsonNode.Parse(Routes.Web)!.AsObject();
        route["metadata"]!["namespace"] = h.Namespace;
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(route, Group, "v1", h.Namespace, "httproutes", cancellationToken: ControllerHarness.Ct);
        var original = await GetRouteAsync(h);

        await h.CreateRolloutAsync(RolloutManifests.Rollout(h.Namespace, 4, "web:1", Strategy));
        await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await h.SetImageAsync("web:2");
        await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Paused && r.Status.CurrentStepIndex == 2);

        var atPause = await GetRouteAsync(h);
        Assert.Equal(30, Routes.Weights(Routes.Rule(atPause, "api"))["web-canary"]);
        Assert.Contains(Routes.RuleNames(atPause), name => name.StartsWith(HeaderRulePrefix, StringComparison.Ordinal));
        return original;
    }

    public static async Task<JsonObject> GetRouteAsync(ControllerHarness h)
    {
        var result = (JsonElement)await h.Client.CustomObjects.GetNamespacedCustomObjectAsync(Group, "v1", h.Namespace, "httproutes", Route, ControllerHarness.Ct);
        return JsonNode.Parse(result.GetRawText())!.AsObject();
    }

    /// <summary>
    /// All traffic on stable, no header rule, and every field the user wrote as it was. The only trace left is the canary
    /// backendRef at weight 0 the router added to rules that lacked one (and the explicit weights it wrote).
    /// </summary>
    public static void AssertReset(JsonObject original, JsonObject route)
    {
        Assert.Equal(["api", "static", "legacy"], Routes.RuleNames(route));
        foreach (var name in new[] { "api", "legacy" })
        {
            Assert.Equal(new Dictionary<string, int> { ["web-stable"] = 100, ["web-canary"] = 0 }, Routes.Weights(Routes.Rule(route, name)));
        }

        var expected = original["spec"]!.DeepClone().AsObject();
        var actual = route["spec"]!.DeepClone().AsObject();
        foreach (var spec in new[] { expected, actual })
        {
            foreach (var rule in spec["rules"]!.AsArray().Where(r => (string?)r!["name"] is "api" or "legacy"))
            {
                rule!.AsObject().Remove("backendRefs");
            }
        }

        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
        Assert.True(JsonNode.DeepEquals(original["metadata"]!["labels"], route["metadata"]!["labels"]));
        Assert.True(JsonNode.DeepEquals(original["metadata"]!["annotations"], route["metadata"]!["annotations"]));
    }
}
