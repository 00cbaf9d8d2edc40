using System.Runtime.InteropServices;
using System.Text.Json;
using RolloutOperator.ScaleBench;
using RolloutOperator.ScaleBench.Kube;

// dotnet run -c Release --project bench/RolloutOperator.ScaleBench -- --rollouts 1000,10000 (see docs/benchmarks.md)
var options = BenchOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
// A --kubeconfig run deletes its namespaces when cancelled: SIGTERM cancels as Ctrl-C does instead of ending the process.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

var machine = MachineInfo.Read();
var results = new List<SizeResult>();
foreach (var size in options.Rollouts)
{
    Console.WriteLine($"== {size} Rollouts, {options.Unrelated} unrelated Deployments and Services");
    results.Add(options.Kubeconfig is null
        ? await new ScaleRun(options, Console.Out).RunAsync(size, cancel.Token)
        : await new KubeScaleRun(options, Console.Out).RunAsync(size, cancel.Token));
}

machine = machine with { LoadAfter = MachineInfo.LoadAverage() };
Directory.CreateDirectory(options.OutputDirectory);
var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
var report = ResultsReport.Markdown(results, machine, args);
var json = JsonSerializer.Serialize(new { machine, options, results }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, $"scale-{stamp}.md"), report);
await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, $"scale-{stamp}.json"), json);
Console.WriteLine();
Console.WriteLine(report);
