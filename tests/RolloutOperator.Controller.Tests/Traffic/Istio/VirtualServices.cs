using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Controller.Tests.Traffic.Istio;

/// <summary>User-owned VirtualServices and DestinationRules as a user would write them, plus small readers for assertions.</summary>
internal static class VirtualServices
{
    /// <summary>Host-based: the primary route splits between the stable and canary Services; other routes are the user's.</summary>
    public const string Web = """
        {
          "apiVersion": "networking.istio.io/v1",
          "kind": "VirtualService",
          "metadata": { "name": "web", "labels": { "app": "web" }, "annotations": { "team": "payments" } },
          "spec": {
            "hosts": [ "web.example.com" ],
            "gateways": [ "public-gw" ],
            "http": [
              {
                "name": "primary",
                "match": [ { "uri": { "prefix": "/api" } } ],
                "timeout": "10s",
                "headers": { "request": { "set": { "x-env": "prod" } } },
                "route": [
                  { "destination": { "host": "web-stable", "port": { "number": 8080 } }, "weight": 100 },
                  { "destination": { "host": "web-canary", "port": { "number": 8080 } }, "weight": 0 }
                ]
              },
              {
                "name": "static",
                "match": [ { "uri": { "prefix": "/static" } } ],
                "route": [ { "destination": { "host": "cdn" } } ]
              },
              {
                "name": "legacy",
                "route": [ { "destination": { "host": "web-stable.NS.svc.cluster.local", "port": { "number": 8080 } } } ]
              }
            ],
            "tls": [
              {
                "match": [ { "port": 443, "sniHosts": [ "web.example.com" ] } ],
                "route": [ { "destination": { "host": "web-stable", "port": { "number": 8443 } }, "weight": 100 } ]
              }
            ],
            "tcp": [
              {
                "match": [ { "port": 5432 } ],
                "route": [ { "destination": { "host": "web-stable", "port": { "number": 5432 } } } ]
              }
            ]
          }
        }
        """;

    /// <summary>Subset-based: one host, the stable and canary subsets of the DestinationRule below.</summary>
    public const string Mesh = """
        {
          "apiVersion": "networking.istio.io/v1",
          "kind": "VirtualService",
          "metadata": { "name": "web-mesh" },
          "spec": {
            "hosts": [ "web" ],
            "http": [
              {
                "name": "primary",
                "route": [
                  { "destination": { "host": "web", "subset": "stable" }, "weight": 100 },
                  { "destination": { "host": "web", "subset": "canary" }, "weight": 0 }
                ]
              }
            ]
          }
        }
        """;

    public const string Rule = """
        {
          "apiVersion": "networking.istio.io/v1",
          "kind": "DestinationRule",
          "metadata": { "name": "web" },
          "spec": {
            "host": "web",
            "trafficPolicy": { "loadBalancer": { "simple": "ROUND_ROBIN" } },
            "subsets": [
              { "name": "stable", "labels": { "app": "web" } },
              { "name": "canary", "labels": { "app": "web" } },
              { "name": "debug", "labels": { "app": "web", "debug": "true" } }
            ]
          }
        }
        """;

    public static string InNamespace(string json, string ns) => json.Replace("NS", ns, StringComparison.Ordinal);

    public static IstioRouting Routing(string name = "web", params string[] httpRoutes) => new()
    {
        VirtualServices = [new IstioVirtualService { Name = name, HttpRoutes = httpRoutes.Length == 0 ? null : [.. httpRoutes] }],
    };

    public static IstioRouting Subsets() => new()
    {
        VirtualServices = [new IstioVirtualService { Name = "web-mesh" }],
        DestinationRule = new IstioDestinationRule { Name = "web" },
    };

    public static JsonArray Http(JsonObject vs) => vs["spec"]!["http"]!.AsArray();

    public static JsonObject Route(JsonObject vs, string name) =>
        Http(vs).Single(r => r?["name"]?.GetValue<string>() == name)!.AsObject();

    public static string[] RouteNames(JsonObject vs) => [.. Http(vs).Select(r => r?["name"]?.GetValue<string>() ?? "")];

    /// <summary>Weight per destination (host, or host/subset) of a route.</summary>
    public static Dictionary<string, int?> Weights(JsonNode route) =>
        route["route"]!.AsArray().ToDictionary(
            d => d!["destination"]!["host"]!.GetValue<string>() + (d["destination"]!["subset"] is { } s ? "/" + s.GetValue<string>() : ""),
            d => d!["weight"]?.GetValue<int>());

    public static string? SubsetRevision(JsonObject rule, string subset) =>
        rule["spec"]!["subsets"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == subset)!["labels"]?[ApiGroup.RevisionLabel]?.GetValue<string>();
}
