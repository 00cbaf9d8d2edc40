using System.Text.Json.Nodes;
using RolloutOperator.ApiEmulator.Json;
using RolloutOperator.ApiEmulator.Schema;

namespace RolloutOperator.ApiEmulator.Api;

/// <summary>A subset of PodSpec defaulting and validation.</summary>
internal static class PodRules
{
    public static void Default(JsonObject podSpec)
    {
        podSpec["restartPolicy"] ??= "Always";
        podSpec["dnsPolicy"] ??= "ClusterFirst";
        podSpec["schedulerName"] ??= "default-scheduler";
        podSpec["terminationGracePeriodSeconds"] ??= 30;
        podSpec["securityContext"] ??= new JsonObject();
        foreach (var container in JsonTree.Objects(podSpec["containers"]).Concat(JsonTree.Objects(podSpec["initContainers"])))
        {
            var image = JsonTree.Str(container, "image") ?? string.Empty;
            var latest = !image.Contains(':', StringComparison.Ordinal) || image.EndsWith(":latest", StringComparison.Ordinal);
            container["imagePullPolicy"] ??= latest ? "Always" : "IfNotPresent";
            container["terminationMessagePath"] ??= "/dev/termination-log";
            container["terminationMessagePolicy"] ??= "File";
            foreach (var port in JsonTree.Objects(container["ports"]))
            {
                port["protocol"] ??= "TCP";
            }
        }
    }

    public static void Validate(JsonObject? podSpec, string path, List<FieldError> errors)
    {
        var containers = JsonTree.Objects(podSpec?["containers"]).ToList();
        if (containers.Count == 0)
        {
            errors.Add(FieldError.Required($"{path}.containers"));
        }

        for (var i = 0; i < containers.Count; i++)
        {
            if (string.IsNullOrEmpty(JsonTree.Str(containers[i], "name")))
            {
                errors.Add(FieldError.Required($"{path}.containers[{i}].name"));
            }

            if (string.IsNullOrEmpty(JsonTree.Str(containers[i], "image")))
            {
                errors.Add(FieldError.Required($"{path}.containers[{i}].image"));
            }
        }
    }
}
