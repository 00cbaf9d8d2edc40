using System.Diagnostics;
using k8s;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Tests.Analysis;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;
using RolloutOperator.Testing;
using RolloutOperator.TrafficSimulator;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>Simulator → real Prometheus → provider, end to end on loopback.</summary>
public sealed class RealPrometheusTests
{
    private const string SuccessRate = """
        sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="{{rollout.name}}", revision="{{REVISION}}", code!~"5.."}[10s]))
        /
        sum(rate(http_requests_total{namespace="{{rollout.namespace}}", rollout="{{rollout.name}}", revision="{{REVISION}}"}[10s]))
        """;

    [Fact]
    public void Binary_Missing_FailsWithTheInstallCommand()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PrometheusServer.Binary("/nonexistent/prometheus"));

        Assert.Contains("apt-get install -y prometheus", error.Message);
    }

    [Fact]
    public async Task SuccessRate_ErroringCanary_MeasuresAboutEightyPercentAndStableAboutOneHundredThenSurvivesAnOutage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), ct);
        await emulator.InstallCustomResourceDefinitionsAsync(RolloutOperator.Testing.TestPaths.Crds, ct);
        using var client = new Kubernetes(emulator.CreateClientConfiguration());
        var rollout = await SimulatedRollout.CreateAsync(client, canaryWeight: 50, canaryErrorRate: 0.2, ct);
        await using var simulator = await SimulatorHost.StartAsync(client, new SimulatorOptions
        {
            Namespace = SimulatedRollout.Namespace,
            Rollout = SimulatedRollout.Name,
            RequestsPerSecond = 400,
            RefreshInterval = TimeSpan.FromMilliseconds(500),
        }, ct);
        Assert.Equal(
            [(SimulatedRollout.StableRevision, 50.0, 0.0), (SimulatedRollout.CanaryRevision, 50.0, 0.2)],
            simulator.Snapshot.Revisions.Select(r => (r.Revision, r.Weight, r.Behaviour.ErrorRate)));
        await using var prometheus = await PrometheusServer.StartAsync([simulator.MetricsUri.Authority], ct);
        using var provider = new PrometheusMetricProvider(
            new PrometheusOptions { DefaultAddress = prometheus.Address, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(50), BreakerFailureThreshold = 100 },
            TimeProvider.System,
            NullLogger<PrometheusMetricProvider>.Instance);
        var service = new MeasurementService(provider, new KubernetesSecretReader(client), TimeProvider.System, NullLogger<MeasurementService>.Instance);
        IReadOnlyList<DueMeasurement> due = [Due("canary", "{{revision.canary}}"), Due("stable", "{{revision.stable}}")];

        var (canary, stable) = await EventuallyAsync(service, rollout, due, (c, s) => Math.Abs(c - 0.8) < 0.06 && s > 0.999, ct);
        Assert.InRange(canary, 0.74, 0.86);
        Assert.InRange(stable, 0.999, 1.0);

        await prometheus.StopAsync();
        var down = await service.MeasureAsync(rollout, AnalysisFixture.Plan(), due, ct);
        Assert.All(down, r => Assert.StartsWith($"request to {prometheus.Address.ToString().TrimEnd('/')}", r.Error));
        Assert.All(down, r => Assert.Null(r.Values));

        await prometheus.StartAsync(ct);
        var (after, _) = await EventuallyAsync(service, rollout, due, (c, _) => Math.Abs(c - 0.8) < 0.06, ct);
        Assert.InRange(after, 0.74, 0.86);
    }

    private static DueMeasurement Due(string name, string revision)
    {
        var metric = AnalysisFixture.Metric(name, SuccessRate.Replace("{{REVISION}}", revision, StringComparison.Ordinal), address: null);
        return new DueMeasurement("step-1", SimulatedRollout.CanaryRevision, metric, new AnalysisPlan([metric], []));
    }

    private static async Task<(double Canary, double Stable)> EventuallyAsync(
        MeasurementService service, Rollout rollout, IReadOnlyList<DueMeasurement> due, Func<double, double, bool> done, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MeasurementResult> last = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            last = await service.MeasureAsync(rollout, AnalysisFixture.Plan(), due, ct);
            if (last.All(r => r.Values is [_]) && done(last[0].Values![0], last[1].Values![0]))
            {
                return (last[0].Values![0], last[1].Values![0]);
            }

            await Task.Delay(500, ct);
        }

        Assert.Fail($"no expected values within 30s; last: {string.Join(" | ", last.Select(r => $"{r.Metric}: {r.Error ?? string.Join(",", r.Values ?? [])}"))}");
        return default;
    }
}
