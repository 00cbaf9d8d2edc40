using System.Text.Json.Nodes;
using RolloutOperator.CrdGen.Tests.Support;

namespace RolloutOperator.CrdGen.Tests;

/// <summary>What the API server checks when it accepts a CRD: structural schema, list-map keys, CEL field names and cost bounds.</summary>
public sealed class StructuralSchemaTests
{
    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void EveryNode_HasATypeOrIntOrString_AndNoNullable(string kind)
    {
        var untyped = Crds.Root(kind).Descendants()
            .Where(n => n.Type is null && !n.IsIntOrString || n.Schema.ContainsKey("nullable") || n.IsIntOrString && n.Type is not null)
            .Select(n => n.Path);

        Assert.Empty(untyped);
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void Root_HasBareMetadata_RequiredSpec_AndDescription(string kind)
    {
        var root = Crds.Root(kind);

        Assert.Equal("object", root.Type);
        Assert.False(string.IsNullOrWhiteSpace((string?)root.Schema["description"]));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["type"] = "object" }, root.Property("metadata")));
        Assert.Equal(["spec"], root.Required);
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void EveryProperty_HasADescription_AndRequiredNamesExist(string kind)
    {
        var nodes = Crds.Root(kind).Descendants().ToList();

        Assert.Empty(nodes.Where(n => n.IsProperty && string.IsNullOrWhiteSpace((string?)n.Schema["description"]) && !n.Path.EndsWith(".metadata", StringComparison.Ordinal)).Select(n => n.Path));
        Assert.Empty(nodes.SelectMany(n => n.Required.Where(r => n.Property(r) is null).Select(r => $"{n.Path}: {r}")));
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void EveryList_IsBounded_AndMapListKeysAreRequiredScalars(string kind)
    {
        var lists = Crds.Root(kind).Descendants().Where(n => n.Type == "array").ToList();

        Assert.Empty(lists.Where(n => n.Schema["maxItems"] is null).Select(n => n.Path));
        foreach (var list in lists.Where(n => (string?)n.Schema["x-kubernetes-list-type"] == "map"))
        {
            var item = new SchemaNode(list.Path + "[]", list.Schema["items"]!.AsObject(), false);
            Assert.Equal("object", item.Type);
            foreach (var key in list.Schema["x-kubernetes-list-map-keys"]!.AsArray().Select(k => (string)k!))
            {
                Assert.True(item.Required.Contains(key), $"{list.Path}: map key {key} is not required");
                Assert.Contains(item.Property(key)!["type"]!.GetValue<string>(), new[] { "string", "integer", "boolean" });
            }
        }
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void EveryCelRule_RefersToExistingBoundedFields(string kind)
    {
        var problems = Crds.Root(kind).Descendants().SelectMany(CelReferences.Problems).ToList();

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void EveryDefault_SatisfiesItsOwnNode(string kind)
    {
        var problems = Crds.Root(kind).Descendants()
            .Where(n => n.Schema.ContainsKey("default"))
            .SelectMany(n => SchemaConformance.Check(n.Schema["default"], n.Schema, n.Path + "(default)"));

        Assert.Empty(problems);
    }

    [Fact]
    public void CelCheck_FlagsMissingFieldsAndUnboundedStrings()
    {
        var node = new SchemaNode("x", new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["name"] = new JsonObject { ["type"] = "string" } },
            ["x-kubernetes-validations"] = new JsonArray(new JsonObject { ["rule"] = "self.name == self.other", ["message"] = "m" }),
        }, false);

        var problems = CelReferences.Problems(node);

        Assert.Equal(["x: rule 'self.name == self.other' touches .name which has no maxLength", "x: rule 'self.name == self.other' refers to missing field .other"], problems);
    }

    [Fact]
    public void Conformance_FlagsPrunedFieldsAndWrongTypes()
    {
        var schema = Crds.Spec("Rollout").Schema;
        var value = JsonNode.Parse("""{"replicas":"3","strategy":{"canary":{"stepz":[]}}}""");

        var problems = SchemaConformance.Check(value, schema, "spec");

        Assert.Equal(["spec.replicas: expected an integer", "spec.strategy.canary.stepz: not in the schema; the API server would prune it"], problems);
    }

    [Fact]
    public void Rollout_HasCelRules_WhereTheTypesDeclareThem()
    {
        var rules = Crds.Root("Rollout").Descendants()
            .SelectMany(n => (n.Schema["x-kubernetes-validations"] as JsonArray ?? []).Select(v => $"{n.Path}: {(string)v!["rule"]!}"))
            .ToList();

        Assert.Contains(rules, r => r.StartsWith(".spec: has(self.template) != has(self.workloadRef)", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.StartsWith(".spec.strategy: has(self.canary) != has(self.blueGreen)", StringComparison.Ordinal));

        // BackgroundAnalysis inherits RolloutAnalysis's rule along with its properties.
        Assert.Contains(rules, r => r.StartsWith(".spec.strategy.canary.analysis: (has(self.templates)", StringComparison.Ordinal));
        var selectorRule = Crds.Spec("Rollout").Schema["x-kubernetes-validations"]!.AsArray().Single(v => v!["fieldPath"] is not null)!;
        Assert.Equal(".selector", (string?)selectorRule["fieldPath"]);
    }
}
