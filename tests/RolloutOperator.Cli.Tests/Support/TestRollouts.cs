using System.Text.Json.Nodes;
using RolloutOperator.Core.Parsing;

namespace RolloutOperator.Cli.Tests.Support;

/// <summary>Manifests for emulator tests: a replica-ratio canary named "web" with images app:v1 (stable) and app:v2 (canary).</summary>
internal static class TestRollouts
{
    public const string StableImage = "registry.example/app:v1";
    public const string CanaryImage = "registry.example/app:v2";

    public static string StableRevision => RevisionHash.Compute(Template(StableImage));

    public static string CanaryRevision => RevisionHash.Compute(Template(CanaryImage));

    public static JsonObject Template(string image) => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = image }) },
    };

    public static JsonObject Canary(string name = "web", string image = CanaryImage) => new()
    {
        ["apiVersion"] = "rollout-operator.io/v1alpha1",
        ["kind"] = "Rollout",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 5,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = Template(image),
            ["strategy"] = new JsonObject
            {
                ["canary"] = new JsonObject
                {
                    ["steps"] = new JsonArray(
                        new JsonObject { ["setWeight"] = 20 },
                        new JsonObject { ["pause"] = new JsonObject() },
                        new JsonObject { ["setWeight"] = 50 },
                        new JsonObject { ["pause"] = new JsonObject { ["duration"] = "1m" } }),
                },
            },
        },
    };
}
