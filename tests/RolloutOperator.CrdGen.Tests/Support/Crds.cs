using System.Text.Json.Nodes;
using RolloutOperator.Core.Api;
using RolloutOperator.Testing;

namespace RolloutOperator.CrdGen.Tests.Support;

/// <summary>The generated CRDs as a reader of the YAML sees them (generated, written to YAML, parsed back).</summary>
internal static class Crds
{
    private static readonly Dictionary<string, JsonObject> Parsed = CustomResources.All.ToDictionary(
        i => i.Kind, i => YamlToJson.Single(CrdGenerator.ToYaml(i)).AsObject());

    public static IEnumerable<string> Kinds => Parsed.Keys;

    public static JsonObject Document(string kind) => Parsed[kind];

    public static JsonObject Version(string kind) => Parsed[kind]["spec"]!["versions"]![0]!.AsObject();

    public static SchemaNode Root(string kind) =>
        new("", Version(kind)["schema"]!["openAPIV3Schema"]!.AsObject(), false);

    public static SchemaNode Spec(string kind) => Root(kind).Resolve(".spec")!;

    public static SchemaNode Status(string kind) => Root(kind).Resolve(".status")!;

    public static TheoryData<string> KindData() => new(CustomResources.All.Select(i => i.Kind));
}
