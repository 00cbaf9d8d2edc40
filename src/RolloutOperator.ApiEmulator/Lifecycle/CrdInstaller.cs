using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Api;
using RolloutOperator.ApiEmulator.Failures;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.Model.Yaml;

namespace RolloutOperator.ApiEmulator.Lifecycle;

/// <summary>Loads CustomResourceDefinitions from YAML/JSON files and creates or replaces them through the API.</summary>
internal static class CrdInstaller
{
    public static async Task InstallAsync(ResourceApi api, string fileOrDirectory, CancellationToken ct)
    {
        var files = Directory.Exists(fileOrDirectory)
            ? Directory.EnumerateFiles(fileOrDirectory).Where(IsManifest).Order(StringComparer.Ordinal).ToList()
            : [fileOrDirectory];
        var type = api.Context.Registry.Find("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
            foreach (var crd in YamlToJson.Nodes(text).OfType<JsonObject>().Where(d => JsonTree.Str(d, "kind") == "CustomResourceDefinition"))
            {
                Upsert(api, type, crd);
            }
        }
    }

    private static void Upsert(ResourceApi api, Resources.ResourceType type, JsonObject crd)
    {
        var options = new WriteOptions("emulator-crd-installer");
        var name = JsonTree.Name(crd) ?? throw Errors.BadRequest("CRD without metadata.name");
        if (api.Context.Store.Get(type.GroupResource, null, name) is null)
        {
            api.Create(type, null, crd, options);
        }
        else
        {
            api.Replace(type, null, name, crd, string.Empty, options);
        }
    }

    private static bool IsManifest(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
