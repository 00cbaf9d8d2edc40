using RolloutOperator.Cli;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Kube;

// Colour is decided before parsing because the console is built first; --no-color is still declared so it parses.
var noColor = args.Contains("--no-color", StringComparer.Ordinal) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
var console = ConsoleFactory.Create(noColor);
var app = new CliApp(console, Console.Error, new KubeClientFactory(Environment.GetEnvironmentVariable), TimeProvider.System, Console.In);
return await app.RunAsync(args, CancellationToken.None).ConfigureAwait(false);
