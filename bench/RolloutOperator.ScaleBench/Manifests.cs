using System.Globalization;
using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.ScaleBench;

/// <summary>The objects the benchmark creates: Rollouts with the issue's canary steps, and unrelated workloads.</summary>
internal static class Manifests
{
    public const string ImageV1 = "registry.example.com/bench/app:1.0.0";
    public const string ImageV2 = "registry.example.com/bench/app:2.0.0";
    public const string ImageV3 = "registry.example.com/bench/app:3.0.0";
    public const string ImageV4 = "registry.example.com/bench/app:4.0.0";

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static string Seconds(TimeSpan span) => ((int)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    public static string RolloutName(int index) => "r-" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>setWeight 20, pause 10s, setWeight 50, pause 10s (the issue's figure), replica-ratio canary.</summary>
    public static JsonObject Rollout(string ns, string name, string image, JsonObject? analysis = null, string pause = "10s")
    {
        var canary = new JsonObject
        {
            ["scaleDownDelaySeconds"] = 0,
            ["steps"] = new JsonArray(
                new JsonObject { ["setWeight"] = 20 },
                new JsonObject { ["pause"] = new JsonObject { ["duration"] = pause } },
                new JsonObject { ["setWeight"] = 50 },
                new JsonObject { ["pause"] = new JsonObject { ["duration"] = pause } }),
        };
        if (analysis is not null)
        {
            canary["analysis"] = analysis;
        }

        return new JsonObject
        {
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["kind"] = "Rollout",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = name, ["bench"] = "scale" } },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = PodTemplate(name, image),
                ["strategy"] = new JsonObject { ["canary"] = canary },
            },
        };
    }

    /// <summary>A background analysis with one Prometheus metric queried every 10 s; the query names the Rollout so the stub can count per Rollout.</summary>
    public static JsonObject BackgroundAnalysis(string rollout) => new()
    {
        ["metrics"] = new JsonArray(new JsonObject
        {
            ["name"] = "bench-up",
            ["interval"] = "10s",
            ["successCondition"] = "result >= 0",
            ["provider"] = new JsonObject { ["prometheus"] = new JsonObject { ["query"] = $"bench_up{{rollout=\"{rollout}\"}}" } },
        }),
    };

    public static JsonObject PodTemplate(string app, string image) => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
        ["spec"] = new JsonObject
        {
            ["containers"] = new JsonArray(new JsonObject
            {
                ["name"] = "app",
                ["image"] = image,
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = 8080 }),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" } },
            }),
        },
    };

    /// <summary>A typical user Deployment: a few labels, a client-side-apply annotation, env, probes and resources.</summary>
    public static JsonObject UnrelatedDeployment(string ns, int index)
    {
        var name = "svc-" + index.ToString("D5", CultureInfo.InvariantCulture);
        var template = PodTemplate(name, $"registry.example.com/team-{index % 50}/{name}:1.{index % 7}.0");
        var container = (JsonObject)template["spec"]!["containers"]![0]!;
        container["env"] = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject { ["name"] = $"SETTING_{i}", ["value"] = $"value-{index}-{i}" }).ToArray());
        container["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/healthz", ["port"] = "http" } };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["app"] = name, ["team"] = $"team-{index % 50}", ["tier"] = "backend" },
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 2,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
                ["template"] = template,
            },
        };
        deployment["metadata"]!["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = deployment.ToJsonString() };
        return deployment;
    }

    public static JsonObject UnrelatedService(string ns, int index)
    {
        var name = "svc-" + index.ToString("D5", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app"] = name } },
            ["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["app"] = name },
                ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http" }),
            },
        };
    }
}
