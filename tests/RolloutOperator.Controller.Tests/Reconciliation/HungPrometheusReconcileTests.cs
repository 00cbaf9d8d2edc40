using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Tests.Reconciliation;

/// <summary>
/// A hung Prometheus and a metric timeout longer than the reconcile timeout: every measurement used to be cancelled with
/// the reconcile, so nothing was recorded and the canary held forever. Now each is an Error measurement and the analysis
/// fails by consecutiveErrorLimit.
/// </summary>
public sealed class HungPrometheusReconcileTests
{
    private static readonly TimeSpan ReconcileTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task MetricTimeoutAboveReconcileTimeout_HungPrometheus_ErrorMeasurementsAbortTheRollout()
    {
        await using var hung = new HungServer();
        using var provider = new PrometheusMetricProvider(
            new PrometheusOptions { MaxTimeout = MeasurementBudget.ForQuery(ReconcileTimeout), RetryBaseDelay = TimeSpan.FromMilliseconds(5) },
            TimeProvider.System, NullLogger<PrometheusMetricProvider>.Instance, new Random(7));
        // Measurements are stamped on the harness clock; the query timeout runs in real time, as a hung server does.
        await using var h = await ControllerHarness.StartAsync(measurements: clock =>
            new MeasurementService(provider, new InMemorySecrets(), clock, NullLogger<MeasurementService>.Instance, budget: MeasurementBudget.ForBatch(ReconcileTimeout)));
        await h.CreateServicesAsync("web-stable", "web-canary");
        await h.CreateRolloutAsync(RolloutManifests.Canary(h.Namespace, "web:1", Steps(hung.Address)));
        await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await h.SetImageAsync("web:2");

        var cancelled = 0;
        Model.Rollout rollout = null!;
        for (var i = 0; i < 20; i++)
        {
            cancelled += await ReconcileWithinTimeoutAsync(h) ? 0 : 1;
            rollout = await h.GetRolloutAsync();
            if (rollout.Status?.Phase == RolloutPhase.Degraded)
            {
                break;
            }

            h.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(0, cancelled);
        Assert.True(rollout.Status!.Phase == RolloutPhase.Degraded, System.Text.Json.JsonSerializer.Serialize(rollout.Status));
        Assert.NotNull(rollout.Status.Abort);
        var metric = Assert.Single(Assert.Single(rollout.Status.Analyses!).Metrics);
        Assert.Equal(AnalysisPhase.Error, metric.Phase);
        Assert.Equal(2, metric.Error);
        Assert.All(metric.Measurements, m =>
        {
            Assert.Equal(AnalysisPhase.Error, m.Phase);
            Assert.Contains("timed out", m.Message, StringComparison.Ordinal);
        });
    }

    /// <summary>One reconcile under the runtime's timeout; false when it was cancelled by it (nothing recorded).</summary>
    private static async Task<bool> ReconcileWithinTimeoutAsync(ControllerHarness h)
    {
        await h.SettleAsync();
        using var timeout = new CancellationTokenSource(ReconcileTimeout);
        try
        {
            await h.Reconciler.ReconcileAsync(new ObjectKey(h.Namespace, RolloutManifests.Name), timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string Steps(Uri prometheus) => new JsonArray(
        new JsonObject { ["setWeight"] = 25 },
        new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["metrics"] = new JsonArray(new JsonObject
                {
                    ["name"] = "success-rate",
                    ["interval"] = "1s",
                    ["consecutiveErrorLimit"] = 1,
                    ["successCondition"] = "result >= 0.99",
                    ["provider"] = new JsonObject
                    {
                        ["prometheus"] = new JsonObject { ["address"] = prometheus.ToString(), ["query"] = "up", ["timeout"] = "30s" },
                    },
                }),
            },
        },
        new JsonObject { ["setWeight"] = 50 }).ToJsonString();
}
