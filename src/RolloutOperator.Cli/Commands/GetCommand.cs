using System.CommandLine;
using System.Text.Json.Nodes;
using k8s;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using RolloutOperator.Cli.Rendering;
using RolloutOperator.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RolloutOperator.Cli.Commands;

/// <summary>`get NAME [-w]`: header and tree; with -w it redraws in place on every watch event of the Rollout or its Deployments.</summary>
internal static class GetCommand
{
    public static Command Create(CliContext context)
    {
        var name = Arguments.Name();
        var watch = new Option<bool>("--watch", "-w") { Description = "Keep watching and redraw on every change (Ctrl-C to stop)" };
        var output = StructuredOutput.CreateOption();
        var command = new Command("get", "Show a Rollout: status, revisions, Deployments and analyses") { name, watch, output };
        context.SetAction(command, async (result, ct) =>
        {
            using var connection = context.Connect(result);
            var api = new RolloutClient(connection.Client);
            var rolloutName = result.GetValue(name)!;
            if (result.GetValue(output) is { } format)
            {
                var rollout = await api.GetAsync(connection.Namespace, rolloutName, ct).ConfigureAwait(false);
                StructuredOutput.Write(context.Console, JsonNode.Parse(KubernetesJson.Serialize(rollout))!, format);
                return ExitCodes.Success;
            }

            var snapshot = await SnapshotAsync(api, connection.Namespace, rolloutName, ct).ConfigureAwait(false);
            if (!result.GetValue(watch))
            {
                context.Console.Write(RolloutView.Build(snapshot, context.Time.GetUtcNow()));
                return ExitCodes.Success;
            }

            return await WatchAsync(context, api, connection.Namespace, rolloutName, ct).ConfigureAwait(false);
        });
        return command;
    }

    public static async Task<RolloutSnapshot> SnapshotAsync(RolloutClient api, string ns, string name, CancellationToken cancellationToken)
    {
        var rollout = await api.GetAsync(ns, name, cancellationToken).ConfigureAwait(false);
        var deployments = await api.DeploymentsAsync(ns, name, cancellationToken).ConfigureAwait(false);
        return new RolloutSnapshot(rollout, deployments);
    }

    private static async Task<int> WatchAsync(CliContext context, RolloutClient api, string ns, string name, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signal = new ChangeSignal(context.Time);
        var pumps = new[]
        {
            signal.Pump(token => api.RolloutChangesAsync(ns, name, token), stop.Token),
            signal.Pump(token => api.DeploymentChangesAsync(ns, name, token), stop.Token),
        };
        try
        {
            await Redraw(context, token => Build(context, api, ns, name, token), signal, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how a watch ends: a clean exit, not an error.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(pumps.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<IRenderable> Build(CliContext context, RolloutClient api, string ns, string name, CancellationToken cancellationToken) =>
        RolloutView.Build(await SnapshotAsync(api, ns, name, cancellationToken).ConfigureAwait(false), context.Time.GetUtcNow());

    /// <summary>Live display on a terminal (in-place, no flicker); one full view per change when output is redirected.</summary>
    public static async Task Redraw(CliContext context, Func<CancellationToken, Task<IRenderable>> build, ChangeSignal signal, CancellationToken cancellationToken)
    {
        var console = context.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            while (true)
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
                console.Write(await build(cancellationToken).ConfigureAwait(false));
                console.WriteLine();
            }
        }

        await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
        var first = await build(cancellationToken).ConfigureAwait(false);
        await console.Live(first).AutoClear(false).StartAsync(async live =>
        {
            while (true)
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
                live.UpdateTarget(await build(cancellationToken).ConfigureAwait(false));
                live.Refresh();
            }
        }).ConfigureAwait(false);
    }
}
