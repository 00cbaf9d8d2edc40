using System.Text.Json.Nodes;
using RolloutOperator.Model.Yaml;

namespace RolloutOperator.Cli.Manifests;

/// <summary>
/// The openAPIV3Schema of each of our kinds, read from the generated CRDs embedded at build time: lint checks a document
/// against exactly the schema the API server will enforce.
/// </summary>
internal static class CrdSchemas
{
    private static readonly Lazy<Dictionary<string, JsonObject>> ByKind = new(Load);

    public static JsonObject? For(string? kind) => kind is not null && ByKind.Value.TryGetValue(kind, out var schema) ? schema : null;

    private static Dictionary<string, JsonObject> Load()
    {
        var assembly = typeof(CrdSchemas).Assembly;
        var schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("crds/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            foreach (var document in YamlToJson.Documents(reader.ReadToEnd()))
            {
                if (document.Node is JsonObject { } crd && crd["spec"]?["names"]?["kind"]?.GetValue<string>() is { } kind
                    && crd["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"] is JsonObject schema)
                {
                    schemas[kind] = schema;
                }
            }
        }

        return schemas;
    }
}
