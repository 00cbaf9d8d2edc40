using System.CommandLine;
using System.Text.Json.Nodes;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>`set image NAME container=image...`: like kubectl set image, a spec write that starts a new revision. `*` matches every container.</summary>
internal static class SetImageCommand
{
    public static Command Create(CliContext context)
    {
        var name = Arguments.Name();
        var pairs = new Argument<string[]>("CONTAINER=IMAGE") { Description = "Container name (or *) and its new image", Arity = ArgumentArity.OneOrMore };
        var image = new Command("image", "Change container images of the Rollout's pod template (a new revision)") { name, pairs };
        context.SetAction(image, async (result, ct) =>
        {
            var changes = Parse(result.GetValue(pairs) ?? []);
            using var connection = context.Connect(result);
            var api = new RolloutClient(connection.Client);
            var ns = connection.Namespace;
            var rollout = await api.GetAsync(ns, result.GetValue(name)!, ct).ConfigureAwait(false);
            var (operations, lines) = Operations(SpecWrites.Template(rollout, ns), changes);
            var updated = await api.JsonPatchAsync(ns, rollout.Metadata.Name, operations, ct).ConfigureAwait(false);
            foreach (var line in lines)
            {
                context.Console.WriteLine($"rollout {ns}/{rollout.Metadata.Name}: {line}");
            }

            context.Console.WriteLine(SpecWrites.Describe(ns, rollout, updated));
            return ExitCodes.Success;
        });
        return new Command("set", "Change the Rollout's pod template") { image };
    }

    private static List<(string Container, string Image)> Parse(string[] pairs) =>
        [.. pairs.Select(p => p.Split('=', 2) is [{ Length: > 0 } c, { Length: > 0 } i]
            ? (c, i)
            : throw new CliException($"\"{p}\" is not CONTAINER=IMAGE", ExitCodes.Usage))];

    private static (JsonArray Operations, List<string> Lines) Operations(JsonObject template, List<(string Container, string Image)> changes)
    {
        var operations = new JsonArray();
        var lines = new List<string>();
        foreach (var (container, image) in changes)
        {
            var matched = false;
            foreach (var list in new[] { "initContainers", "containers" })
            {
                var items = template["spec"]?[list] as JsonArray ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    var current = items[i]?["name"]?.GetValue<string>();
                    if (container != "*" && current != container)
                    {
                        continue;
                    }

                    matched = true;
                    var path = $"/spec/template/spec/{list}/{i}/image";
                    var old = items[i]?["image"]?.GetValue<string>();
                    // The test makes the patch fail instead of overwriting an image someone changed since we read it.
                    operations.Add(new JsonObject { ["op"] = "test", ["path"] = path, ["value"] = old });
                    operations.Add(new JsonObject { ["op"] = "replace", ["path"] = path, ["value"] = image });
                    lines.Add($"container {current} image {old} -> {image}");
                }
            }

            if (!matched)
            {
                throw new CliException($"container \"{container}\" not found in spec.template");
            }
        }

        return (operations, lines);
    }
}
