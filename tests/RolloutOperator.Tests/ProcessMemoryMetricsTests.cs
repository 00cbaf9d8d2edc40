using System.Globalization;

namespace RolloutOperator.Tests;

/// <summary>The memory gauges the scale benchmark reads from /metrics: the managed heap and the working set.</summary>
public sealed class ProcessMemoryMetricsTests : IAsyncLifetime
{
    private EmulatorCluster _cluster = null!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => _cluster = await EmulatorCluster.StartAsync(Ct);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Metrics_Scraped_ReportManagedHeapAndWorkingSetOfTheProcess()
    {
        await using var app = OperatorHost.Build(["--kubeconfig", _cluster.Kubeconfig, "--leader-elect", "false", "--port", "0", "--log-format", "console"]);
        await app.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = app.GetBoundAddress() };

        var metrics = await http.GetStringAsync("/metrics", Ct);

        Assert.InRange(Sample(metrics, "operator_managed_heap_bytes"), 1, double.MaxValue);
        Assert.InRange(Sample(metrics, "operator_working_set_bytes"), 1024 * 1024, double.MaxValue);
        Assert.InRange(Sample(metrics, "operator_gc_full_collections"), 0, double.MaxValue);
        await app.StopAsync(Ct);
    }

    private static double Sample(string metrics, string name)
    {
        var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{name} is not exported");
        return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }
}
