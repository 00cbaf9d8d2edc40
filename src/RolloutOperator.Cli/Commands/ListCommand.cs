using System.CommandLine;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Cli.Rendering;

namespace RolloutOperator.Cli.Commands;

/// <summary>`list [-A] [-w]`: one row per Rollout.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "List Rollouts in every namespace" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep watching and redraw on every change (Ctrl-C to stop)" };
        var output = StructuredOutput.CreateOption();
        var command = new Command("list", "List Rollouts with phase, step, weight and age") { all, watch, output };
        context.SetAction(command, async (result, ct) =>
        {
            using var connection = context.Connect(result);
            var api = new RolloutClient(connection.Client);
            var allNamespaces = result.GetValue(all);
            var ns = allNamespaces ? null : connection.Namespace;
            if (result.GetValue(output) is { } format)
            {
                await WriteStructuredAsync(context, api, ns, format, ct).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (!result.GetValue(watch))
            {
                var rollouts = await api.ListAsync(ns, ct).ConfigureAwait(false);
                context.Console.Write(RolloutTable.Build(rollouts, allNamespaces, context.Time.GetUtcNow()));
                return ExitCodes.Success;
            }

            await WatchAsync(context, api, ns, allNamespaces, ct).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteStructuredAsync(CliContext context, RolloutClient api, string? ns, string format, CancellationToken ct)
    {
        var items = await api.ListAsync(ns, ct).ConfigureAwait(false);
        var list = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = JsonNode.Parse(KubernetesJson.Serialize(items)) };
        StructuredOutput.Write(context.Console, list, format);
    }

    private static async Task WatchAsync(CliContext context, RolloutClient api, string? ns, bool allNamespaces, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var signal = new ChangeSignal(context.Time);
        var pump = signal.Pump(token => api.AllRolloutChangesAsync(ns, token), stop.Token);
        try
        {
            await GetCommand.Redraw(
                context,
                async token => RolloutTable.Build(await api.ListAsync(ns, token).ConfigureAwait(false), allNamespaces, context.Time.GetUtcNow()),
                signal,
                stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C ends a watch cleanly.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
