using RolloutOperator.Sandbox;
using RolloutOperator.Sandbox.Hosting;
using RolloutOperator.Sandbox.Progress;
using Spectre.Console;

using var signals = new ShutdownSignals();
return await SandboxApp.RunAsync(
    args,
    options => options.NonInteractive || Console.IsOutputRedirected
        ? new PlainOutput(Console.Out, TimeProvider.System)
        : new LiveOutput(AnsiConsole.Console, TimeProvider.System),
    Environment.GetEnvironmentVariable,
    TimeProvider.System,
    Console.Error,
    signals.Token).ConfigureAwait(false);
