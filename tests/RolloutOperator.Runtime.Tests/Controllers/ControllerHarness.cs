using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Metrics;
using RolloutOperator.Runtime.Queue;

namespace RolloutOperator.Runtime.Tests.Controllers;

/// <summary>A running controller on a fake clock, stopped on dispose.</summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public ControllerHarness(ScriptedReconciler reconciler, TimeSpan? reconcileTimeout = null, int workers = 2)
    {
        Metrics = new RuntimeMetrics(Registry);
        Queue = new WorkQueue<string>(new WorkQueueOptions { Name = "test", JitterFactor = 0 }, Time, Metrics);
        var options = new ControllerOptions
        {
            Name = "test",
            Workers = workers,
            ReconcileTimeout = reconcileTimeout ?? TimeSpan.FromMinutes(1),
        };
        Controller = new Controller<string>(options, Queue, reconciler, Time, Metrics, NullLogger.Instance);
        _run = Controller.RunAsync(_stop.Token);
    }

    public FakeTimeProvider Time { get; } = new();

    public CollectorRegistry Registry { get; } = Prometheus.Metrics.NewCustomRegistry();

    public RuntimeMetrics Metrics { get; }

    public WorkQueue<string> Queue { get; }

    public Controller<string> Controller { get; }

    public Task Completion => _run;

    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Waits until <paramref name="count"/> reconciles ended with <paramref name="result"/>. The metric is
    /// recorded after the controller has re-queued or forgotten the key, so follow-up clock moves are safe.
    /// </summary>
    public async Task WaitForResultsAsync(string result, int count)
    {
        var line = $"controller_reconcile_total{{controller=\"test\",result=\"{result}\"}} {count}";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!(await ScrapeAsync()).Contains(line, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} reconciles with result {result}");
            await Task.Delay(10);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Queue.Dispose();
        _stop.Dispose();
    }
}
