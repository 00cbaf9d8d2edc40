using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.Testing;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>Applies YAML manifests (several documents) by kind, the way kubectl create would.</summary>
public static class Manifests
{
    public static async Task ApplyAsync(Kubernetes client, string @namespace, string yaml, CancellationToken ct)
    {
        foreach (var document in Parse(yaml))
        {
            var apiVersion = document["apiVersion"]!.GetValue<string>();
            var kind = document["kind"]!.GetValue<string>();
            document["metadata"]!["namespace"] = @namespace;
            var body = JsonSerializer.Serialize(document);
            switch (kind)
            {
                case "Service":
                    await client.CoreV1.CreateNamespacedServiceAsync(KubernetesJson.Deserialize<V1Service>(body), @namespace, cancellationToken: ct);
                    break;
                case "Ingress":
                    await client.NetworkingV1.CreateNamespacedIngressAsync(KubernetesJson.Deserialize<V1Ingress>(body), @namespace, cancellationToken: ct);
                    break;
                default:
                    var (group, version) = Split(apiVersion);
                    await client.CustomObjects.CreateNamespacedCustomObjectAsync(document, group, version, @namespace, Plural(kind), cancellationToken: ct);
                    break;
            }
        }
    }

    private static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    private static string Plural(string kind) => kind.ToLowerInvariant() + "s";

    public static IEnumerable<JsonObject> Parse(string yaml) => YamlToJson.Documents(yaml).Select(d => d.AsObject());
}
