using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;

namespace RolloutOperator.ScaleBench;

/// <summary>A Rollout the operator rolled out twice, reduced to what a clone is written from.</summary>
internal sealed class IdleTemplate
{
    private static readonly string[] ServerFields = ["uid", "resourceVersion", "creationTimestamp", "generation", "managedFields"];

    private IdleTemplate(JsonObject rollout, IReadOnlyList<JsonObject> deployments, JsonObject status, string name, string uid, string v1, string v2, long generation)
    {
        Generation = generation;
        Rollout = rollout;
        Deployments = deployments;
        Status = status;
        Name = name;
        Uid = uid;
        V1 = v1;
        V2 = v2;
    }

    /// <summary>The Rollout as the user wrote it (no status, no server fields).</summary>
    public JsonObject Rollout { get; }

    /// <summary>The two revision Deployments as server-side-apply bodies (no status, no server fields).</summary>
    public IReadOnlyList<JsonObject> Deployments { get; }

    /// <summary>A server-side-apply body of the /status subresource.</summary>
    public JsonObject Status { get; }

    public string Name { get; }

    public string Uid { get; }

    public string V1 { get; }

    public long Generation { get; }

    public string V2 { get; }

    public static IdleTemplate From(JsonObject rollout, JsonObject? old, JsonObject? stable, string v1, string v2)
    {
        var name = rollout["metadata"]!["name"]!.GetValue<string>();
        var uid = rollout["metadata"]!["uid"]!.GetValue<string>();
        var ns = rollout["metadata"]!["namespace"]!.GetValue<string>();
        var status = new JsonObject
        {
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["kind"] = "Rollout",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["status"] = rollout["status"]!.DeepClone(),
        };
        var generation = long.Parse(rollout["metadata"]!["generation"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        return new IdleTemplate(Clean(rollout), [Clean(old ?? throw Missing(v1)), Clean(stable ?? throw Missing(v2))], status, name, uid, v1, v2, generation);
    }

    public JsonObject RolloutFor(string name) => new Substitution([(Name, name)]).Apply(Rollout);

    public Substitution Substitution(string name, string uid, string v1, string v2) =>
        new([(Uid, uid), (V1, v1), (V2, v2), (Name, name)]);

    private static JsonObject Clean(JsonObject stored)
    {
        var copy = stored.DeepClone().AsObject();
        copy.Remove("status");
        var meta = copy["metadata"]!.AsObject();
        foreach (var field in ServerFields)
        {
            meta.Remove(field);
        }

        return copy;
    }

    private static InvalidOperationException Missing(string revision) => new($"the template's revision Deployment {revision} is missing");
}
