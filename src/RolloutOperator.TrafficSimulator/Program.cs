using k8s;
using Microsoft.Extensions.Logging;
using RolloutOperator.TrafficSimulator;

using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true));
if (CommandLine.Parse(args, loggerFactory, out var error) is not { } commandLine)
{
    await Console.Error.WriteLineAsync($"{error}\n{CommandLine.Usage}").ConfigureAwait(false);
    return 2;
}

var configuration = commandLine.Kubeconfig is { } path
    ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path)
    : KubernetesClientConfiguration.InClusterConfig();
using var client = new Kubernetes(configuration);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

await using var host = await SimulatorHost.StartAsync(client, commandLine.Options, stop.Token).ConfigureAwait(false);
try
{
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    // Ctrl+C.
}

return 0;
