using System.Globalization;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Invocation;
using RolloutOperator.Cli.Kube;
using Spectre.Console;

namespace RolloutOperator.Cli.Commands;

/// <summary>Plain timestamped lines when not on a terminal (CI logs), a spinner with the current message on one.</summary>
internal sealed class StatusWaiter(CliContext context, RolloutClient api, string ns, string name)
{
    public string LastMessage { get; private set; } = "no status read yet";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Fail fast on a missing Rollout before starting watches.
        await api.GetAsync(ns, name, cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signal = new ChangeSignal(context.Time);
        var pump = signal.Pump(token => api.RolloutChangesAsync(ns, name, token), stop.Token);
        try
        {
            return context.Console.Profile.Capabilities.Interactive
                ? await context.Console.Status().StartAsync("reading status", live => LoopAsync(signal, message => live.Status(Markup.Escape(message)), cancellationToken)).ConfigureAwait(false)
                : await LoopAsync(signal, Print, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pump.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task<int> LoopAsync(ChangeSignal signal, Action<string> show, CancellationToken cancellationToken)
    {
        while (true)
        {
            await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            var rollout = await api.GetAsync(ns, name, cancellationToken).ConfigureAwait(false);
            var (exitCode, message) = RolloutHealth.Evaluate(rollout);
            if (message != LastMessage)
            {
                LastMessage = message;
                show(message);
            }

            if (exitCode is { } code)
            {
                context.Console.WriteLine($"rollout {ns}/{name}: {message}");
                return code;
            }
        }
    }

    private void Print(string message) =>
        context.Console.WriteLine($"{context.Time.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {ns}/{name}: {message}");
}
