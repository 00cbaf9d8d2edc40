using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Tests.Analysis;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>A Prometheus that never answers must produce Error measurements, whatever timeout the metric asks for.</summary>
public sealed class HungPrometheusTests
{
    [Fact]
    public async Task Query_MetricTimeoutAboveTheOperatorCap_TimesOutAtTheCapAsAnError()
    {
        await using var hung = new HungServer();
        using var provider = Provider(configure: o => o.MaxTimeout = TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await provider.QueryAsync(Query(Settings(hung.Address, s => s.Timeout = "30s")), CancellationToken.None);

        Assert.Contains("timed out after 300ms (metric timeout 30s capped by the operator)", result.Error);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Query_HungServerTimeouts_CountTowardsTheCircuitBreaker()
    {
        await using var hung = new HungServer();
        using var provider = Provider(configure: o =>
        {
            o.MaxTimeout = TimeSpan.FromMilliseconds(100);
            o.BreakerFailureThreshold = 2;
        });

        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("timed out", (await provider.QueryAsync(Query(Settings(hung.Address, s => s.Timeout = "30s")), CancellationToken.None)).Error);
        }

        var open = await provider.QueryAsync(Query(Settings(hung.Address, s => s.Timeout = "30s")), CancellationToken.None);
        Assert.StartsWith("circuit open", open.Error);
    }

    [Fact]
    public async Task Measure_ProviderIgnoresItsTimeout_BudgetTurnsItIntoAnErrorMeasurement()
    {
        // A provider that only stops when cancelled: the service's own budget must end it and record an Error.
        var provider = new ScriptedProvider(delay: Timeout.InfiniteTimeSpan);
        var service = new MeasurementService(provider, new InMemorySecrets(), TimeProvider.System, NullLogger<MeasurementService>.Instance, budget: TimeSpan.FromMilliseconds(200));
        using var reconcile = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var results = await service.MeasureAsync(AnalysisFixture.Rollout(), AnalysisFixture.Plan(), [AnalysisFixture.Due("up"), AnalysisFixture.Due("up")], reconcile.Token);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal("measurement did not finish within 200ms, the operator's measurement budget per reconcile", r.Error));
        Assert.False(reconcile.IsCancellationRequested);
    }

    [Fact]
    public void Budget_DefaultReconcileTimeout_LeavesTimeForTheStatusWrite()
    {
        Assert.Equal(TimeSpan.FromSeconds(45), MeasurementBudget.ForBatch(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(40), MeasurementBudget.ForQuery(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(40), new RolloutOperator.Controller.PrometheusProvider.PrometheusOptions().MaxTimeout);
    }
}
