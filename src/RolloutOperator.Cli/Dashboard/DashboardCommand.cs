using System.CommandLine;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using Spectre.Console;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>`dashboard [--port 3100] [-n NS|-A]`: serves the live dashboard on 127.0.0.1 until Ctrl-C.</summary>
internal static class DashboardCommand
{
    public const int DefaultPort = 3100;

    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 to serve the dashboard on (0 picks a free one)", DefaultValueFactory = _ => DefaultPort };
        var all = new Option<bool>("--all-namespaces", "-A") { Description = "Show Rollouts in every namespace" };
        var command = new Command("dashboard", "Serve a live web dashboard of the Rollouts on 127.0.0.1 (uses your kubeconfig; Ctrl-C to stop)") { port, all };
        context.SetAction(command, async (result, ct) =>
        {
            if (result.GetValue(port) is < 0 or > 65535)
            {
                throw new CliException("--port must be between 0 and 65535", ExitCodes.Usage);
            }

            using var connection = context.Connect(result, "dashboard");
            var ns = result.GetValue(all) ? null : connection.Namespace;
            DashboardServer server;
            try
            {
                server = await DashboardServer.StartAsync(new DashboardSettings(connection.Client, ns, result.GetValue(port), context.Time), ct).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new CliException($"cannot listen on 127.0.0.1:{result.GetValue(port)}: {e.Message}", e);
            }

            await using (server.ConfigureAwait(false))
            {
                context.Console.WriteLine($"Dashboard of {(ns is null ? "all namespaces" : "namespace " + ns)} at {server.Address} (Ctrl-C to stop)");
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.Time, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl-C is how the dashboard is meant to stop.
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
