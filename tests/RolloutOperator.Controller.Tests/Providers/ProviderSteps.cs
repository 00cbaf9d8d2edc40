using System.Text.Json.Nodes;

namespace RolloutOperator.Controller.Tests.Providers;

/// <summary>Canary steps with one analysis step between two weights, for the web and job provider tests.</summary>
internal static class ProviderSteps
{
    public static string Around(params JsonObject[] metrics) => new JsonArray(
        new JsonObject { ["setWeight"] = 25 },
        new JsonObject { ["analysis"] = new JsonObject { ["metrics"] = new JsonArray([.. metrics]) } },
        new JsonObject { ["setWeight"] = 50 }).ToJsonString();

    public static JsonObject Web(Uri url, string noDataPolicy = "Retry") => new()
    {
        ["name"] = "web-ratio",
        ["interval"] = "1s",
        ["successCondition"] = "result >= 0.99",
        ["noDataPolicy"] = noDataPolicy,
        ["provider"] = new JsonObject
        {
            ["web"] = new JsonObject
            {
                ["url"] = url + "ratio?rollout={{rollout.name}}&revision={{revision.canary}}",
                ["jsonPath"] = "$.data.ratio",
                ["headers"] = new JsonArray(new JsonObject
                {
                    ["name"] = "Authorization",
                    ["secretKeyRef"] = new JsonObject { ["name"] = "checks", ["key"] = "token" },
                }),
            },
        },
    };

    public static JsonObject Job(string name) => new()
    {
        ["name"] = name,
        ["provider"] = new JsonObject
        {
            ["job"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["template"] = new JsonObject
                    {
                        ["spec"] = new JsonObject
                        {
                            ["serviceAccountName"] = "smoke-tests",
                            ["containers"] = new JsonArray(new JsonObject { ["name"] = "smoke", ["image"] = "registry.example/smoke:1" }),
                        },
                    },
                },
            },
        },
    };
}
