using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Background;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Controller.Events;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Reconciliation;
using RolloutOperator.Controller.Status;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Controller.Tests.Reconciliation;
using RolloutOperator.Controller.Traffic;
using RolloutOperator.Controller.Traffic.Alb;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Tests.Analysis.Background;

/// <summary>
/// A measurement that outlasts the inline wait, driven by hand on the harness clock: recorded in progress without
/// holding the reconcile, then recorded exactly once when it finishes, whether or not its wake-up arrives, and
/// started again (never counted twice) by an operator that restarted meanwhile.
/// </summary>
public sealed class BackgroundMeasurementReconcileTests
{
    private static readonly ObjectKey Key = new("apps", RolloutManifests.Name);

    [Fact]
    public async Task SlowQuery_InProgressThenResult_RecordedExactlyOnceEvenWithoutTheWakeUp()
    {
        var provider = new GatedProvider();
        await using var h = await StartAsync(provider);
        var wakes = new ConcurrentQueue<ObjectKey>();
        using var runner = Runner(h, provider, wakes);
        var reconciler = Reconciler(h, runner);

        var started = await ReconcileUntilInProgressAsync(h, reconciler);
        await GatedProvider.UntilAsync(() => provider.Waiting == 1, "the query runs");
        Assert.Equal(1, provider.Asked);

        // While the query runs: no write, no second query, and no requeue sooner than the recheck (no spinning).
        var writes = h.WritesTo("rollouts", "status");
        for (var i = 0; i < 3; i++)
        {
            await h.SettleAsync();
            var waiting = await reconciler.ReconcileAsync(Key, ControllerHarness.Ct);
            Assert.True(waiting.RequeueAfter >= TimeSpan.FromSeconds(10), $"requeue after {waiting.RequeueAfter}");
        }

        Assert.Equal(writes, h.WritesTo("rollouts", "status"));
        Assert.Equal(1, provider.Asked);

        provider.Release(0.999);
        await GatedProvider.UntilAsync(() => !wakes.IsEmpty, "the finished measurement wakes its Rollout");

        // The wake-up is lost: the recheck interval brings the reconcile that records it.
        h.Clock.Advance(AnalysisEvaluator.InProgressRecheck);
        for (var i = 0; i < 3; i++)
        {
            await h.SettleAsync();
            await reconciler.ReconcileAsync(Key, ControllerHarness.Ct);
        }

        var metric = Metric(await h.GetRolloutAsync());
        Assert.Null(metric.InProgress);
        Assert.Equal(1, metric.Successful);
        var measurement = Assert.Single(metric.Measurements);
        Assert.Equal(started.StartedAt, measurement.At);
        Assert.Equal("0.999", measurement.Value);
        Assert.Equal(1, provider.Asked);
    }

    [Fact]
    public async Task InProgressMeasurement_OperatorRestarted_StartedAgainAndRecordedOnce()
    {
        var provider = new GatedProvider();
        await using var h = await StartAsync(provider);
        using var before = Runner(h, provider, new ConcurrentQueue<ObjectKey>());
        await ReconcileUntilInProgressAsync(h, Reconciler(h, before));

        // A new process: nothing kept in memory, the status still says in progress.
        var wakes = new ConcurrentQueue<ObjectKey>();
        using var after = Runner(h, provider, wakes);
        var reconciler = Reconciler(h, after);
        var writes = h.WritesTo("rollouts", "status");
        await h.SettleAsync();
        await reconciler.ReconcileAsync(Key, ControllerHarness.Ct);
        await GatedProvider.UntilAsync(() => provider.Waiting == 2, "the in-progress measurement is queried again");
        Assert.Equal(2, provider.Asked);
        Assert.Equal(writes, h.WritesTo("rollouts", "status"));

        provider.Release(0.999);
        await GatedProvider.UntilAsync(() => !wakes.IsEmpty, "the restarted measurement wakes its Rollout");
        for (var i = 0; i < 3; i++)
        {
            await h.SettleAsync();
            await reconciler.ReconcileAsync(Key, ControllerHarness.Ct);
        }

        var metric = Metric(await h.GetRolloutAsync());
        Assert.Null(metric.InProgress);
        Assert.Equal(1, metric.Successful);
        Assert.Single(metric.Measurements);
        Assert.Equal(2, provider.Asked);
    }

    [Fact]
    public async Task FastQuery_AnsweredWithinTheInlineWait_OneQueryPerIntervalAndNeverInProgress()
    {
        // The point is an interaction (one query per interval, never more), so the provider is a mock verified below.
        var provider = new Mock<IMetricProvider>(MockBehavior.Strict);
        provider.Setup(p => p.QueryAsync(It.Is<MetricQuery>(q => q.Query == "up"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(MetricQueryResult.Data([1.0]));
        await using var h = await StartAsync(provider.Object, "up", "1s");
        var wakes = new ConcurrentQueue<ObjectKey>();
        using var runner = Runner(h, provider.Object, wakes, TimeSpan.FromMinutes(1));
        var reconciler = Reconciler(h, runner);
        var sawInProgress = false;

        for (var i = 0; i < 40; i++)
        {
            await h.SettleAsync();
            var result = await reconciler.ReconcileAsync(Key, ControllerHarness.Ct);
            var rollout = await h.GetRolloutAsync();
            sawInProgress |= rollout.Status?.Analyses?.Any(a => a.Metrics.Any(m => m.InProgress is not null)) == true;
            if (rollout.Status?.Phase == RolloutPhase.Healthy)
            {
                break;
            }

            h.Clock.Advance(ControllerHarness.Step(result));
        }

        var metric = Metric(await h.GetRolloutAsync());
        Assert.Equal(AnalysisPhase.Successful, metric.Phase);
        Assert.Equal(2, metric.Successful);
        provider.Verify(p => p.QueryAsync(It.IsAny<MetricQuery>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.False(sawInProgress);
        Assert.Empty(wakes);
        Assert.Equal(0, runner.Count);
    }

    private static async Task<ControllerHarness> StartAsync(IMetricProvider provider, string query = GatedProvider.HangingQuery, string interval = "1m")
    {
        var h = await ControllerHarness.StartAsync(measurements: clock => Service(provider, clock));
        await h.CreateServicesAsync("web-stable", "web-canary");
        await h.CreateRolloutAsync(RolloutManifests.Canary(h.Namespace, "web:1", Steps(query, interval)));
        await h.ReconcileUntilAsync(r => r.Status?.Phase == RolloutPhase.Healthy);
        await h.SetImageAsync("web:2");
        return h;
    }

    private static MeasurementService Service(IMetricProvider provider, TimeProvider clock) =>
        new(provider, new InMemorySecrets(), clock, NullLogger<MeasurementService>.Instance);

    // No inline wait by default: every measurement the provider does not answer synchronously goes to the background.
    private static BackgroundMeasurements Runner(ControllerHarness h, IMetricProvider provider, ConcurrentQueue<ObjectKey> wakes, TimeSpan? inlineWait = null) =>
        new(Service(provider, h.Clock), new MeasurementRunnerOptions { InlineWait = inlineWait ?? TimeSpan.Zero }, h.Clock, wakes.Enqueue, NullLogger<BackgroundMeasurements>.Instance);

    private static RolloutReconciler Reconciler(ControllerHarness h, BackgroundMeasurements runner) =>
        RolloutReconcilerFactory.Create(
            h.Client, h.Caches, new TrafficRouterRegistry([new AlbTrafficRouter(h.Client, NullLogger<AlbTrafficRouter>.Instance)]),
            new FakeMeasurementService(), new RolloutMetrics(Prometheus.Metrics.NewCustomRegistry()), new EventRecorderOptions("test-pod"),
            h.Clock, NullLoggerFactory.Instance, background: runner);

    private static async Task<MeasurementInProgress> ReconcileUntilInProgressAsync(ControllerHarness h, RolloutReconciler reconciler)
    {
        for (var i = 0; i < 20; i++)
        {
            await h.SettleAsync();
            var result = await reconciler.ReconcileAsync(Key, ControllerHarness.Ct);
            if ((await h.GetRolloutAsync()).Status?.Analyses?.FirstOrDefault()?.Metrics.FirstOrDefault()?.InProgress is { } started)
            {
                return started;
            }

            h.Clock.Advance(ControllerHarness.Step(result));
        }

        throw new TimeoutException("the measurement was never recorded in progress");
    }

    private static MetricStatus Metric(Model.Rollout rollout) => Assert.Single(Assert.Single(rollout.Status!.Analyses!).Metrics);

    private static string Steps(string query, string interval) => new JsonArray(
        new JsonObject { ["setWeight"] = 25 },
        new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["metrics"] = new JsonArray(new JsonObject
                {
                    ["name"] = "success-rate",
                    ["interval"] = interval,
                    ["count"] = 2,
                    ["successCondition"] = "result >= 0.99",
                    ["provider"] = new JsonObject
                    {
                        ["prometheus"] = new JsonObject { ["address"] = "http://prometheus.test:9090", ["query"] = query, ["timeout"] = "30s" },
                    },
                }),
            },
        },
        new JsonObject { ["setWeight"] = 50 }).ToJsonString();
}
