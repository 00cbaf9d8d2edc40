using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Traffic;

/// <summary>User-owned routes as a user would write them, plus small readers for assertions.</summary>
internal static class Routes
{
    public const string Web = """
        {
          "apiVersion": "gateway.networking.k8s.io/v1",
          "kind": "HTTPRoute",
          "metadata": { "name": "web", "labels": { "app": "web" }, "annotations": { "team": "payments" } },
          "spec": {
            "parentRefs": [ { "name": "public-gw" } ],
            "hostnames": [ "web.example.com" ],
            "rules": [
              {
                "name": "api",
                "matches": [ { "path": { "type": "PathPrefix", "value": "/api" } } ],
                "filters": [ { "type": "RequestHeaderModifier", "requestHeaderModifier": { "add": [ { "name": "x-env", "value": "prod" } ] } } ],
                "timeouts": { "request": "10s" },
                "backendRefs": [ { "name": "web-stable", "port": 8080, "weight": 100 }, { "name": "web-canary", "port": 8080, "weight": 0 } ]
              },
              {
                "name": "static",
                "matches": [ { "path": { "type": "PathPrefix", "value": "/static" } } ],
                "backendRefs": [ { "name": "cdn", "port": 80 } ]
              },
              {
                "name": "legacy",
                "matches": [ { "path": { "type": "Exact", "value": "/old" } } ],
                "backendRefs": [ { "name": "web-stable", "port": 8080 } ]
              }
            ]
          }
        }
        """;

    public const string Grpc = """
        {
          "apiVersion": "gateway.networking.k8s.io/v1",
          "kind": "GRPCRoute",
          "metadata": { "name": "rpc" },
          "spec": {
            "parentRefs": [ { "name": "public-gw" } ],
            "rules": [
              {
                "matches": [ { "method": { "service": "shop.Cart" } } ],
                "backendRefs": [ { "name": "web-stable", "port": 9090 } ]
              }
            ]
          }
        }
        """;

    public static TrafficRouting Http(string name = "web", string? rule = null) => new()
    {
        GatewayApi = new GatewayApiRouting { HttpRoutes = [new RouteRef { Name = name, Rule = rule }] },
    };

    public static JsonArray Rules(JsonObject route) => route["spec"]!["rules"]!.AsArray();

    public static JsonObject Rule(JsonObject route, string name) =>
        Rules(route).Single(r => r?["name"]?.GetValue<string>() == name)!.AsObject();

    /// <summary>Weight per backend Service name in a rule.</summary>
    public static Dictionary<string, int> Weights(JsonObject rule) =>
        rule["backendRefs"]!.AsArray().ToDictionary(b => b!["name"]!.GetValue<string>(), b => b!["weight"]!.GetValue<int>());

    public static string[] RuleNames(JsonObject route) =>
        [.. Rules(route).Select(r => r?["name"]?.GetValue<string>() ?? "")];
}
