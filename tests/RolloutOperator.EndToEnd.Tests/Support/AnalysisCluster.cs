using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using RolloutOperator.Core.Api;
using RolloutOperator.Testing;
using RolloutOperator.TrafficSimulator;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>
/// Everything analysis needs on loopback: the emulator with an operator pointed at a real Prometheus, which scrapes
/// (every second) a traffic simulator that follows the Rollout's split in the emulator. Disposing stops all of it.
/// </summary>
internal sealed class AnalysisCluster : IAsyncDisposable
{
    private AnalysisCluster(OperatorCluster cluster, SimulatorHost simulator, PrometheusServer prometheus)
    {
        Cluster = cluster;
        Simulator = simulator;
        Prometheus = prometheus;
    }

    public OperatorCluster Cluster { get; }

    public SimulatorHost Simulator { get; }

    public PrometheusServer Prometheus { get; }

    /// <param name="rollout">The Rollout the simulator follows.</param>
    /// <param name="traffic">Where the simulator reads the split; by default the Rollout in the emulator.</param>
    public static async Task<AnalysisCluster> StartAsync(string rollout, Func<Kubernetes, string, ITrafficSource>? traffic = null)
    {
        var cluster = await OperatorCluster.StartAsync();
        SimulatorHost? simulator = null;
        try
        {
            var options = new SimulatorOptions
            {
                Namespace = cluster.Namespace,
                Rollout = rollout,
                RequestsPerSecond = 200,
                RefreshInterval = TimeSpan.FromMilliseconds(250),
            };
            var source = traffic?.Invoke(cluster.Client, cluster.Namespace) ?? new RolloutTrafficSource(cluster.Client, cluster.Namespace, rollout);
            simulator = await SimulatorHost.StartAsync(source, options, OperatorCluster.Ct);
            var prometheus = await PrometheusServer.StartAsync([simulator.MetricsUri.Authority], OperatorCluster.Ct);
            return new AnalysisCluster(cluster, simulator, prometheus);
        }
        catch
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The operator in-process, with the real Prometheus as its default address.</summary>
    public Task<WebApplication> StartOperatorAsync() =>
        Cluster.StartOperatorAsync("operator-0", "--prometheus-address", Prometheus.Address.ToString());

    /// <summary>A new revision: the user changes the image and the env vars that decide how the simulator makes it behave.</summary>
    public async Task SetRevisionAsync(string rollout, string image, params (string Name, string Value)[] env)
    {
        var container = new { name = "app", image, env = env.Select(e => new { name = e.Name, value = e.Value }).ToArray() };
        var patch = new { spec = new { template = new { spec = new { containers = new[] { container } } } } };
        await Cluster.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch), ApiGroup.Name, ApiGroup.Version, Cluster.Namespace, "rollouts", rollout, cancellationToken: OperatorCluster.Ct);
    }

    /// <summary>The events.k8s.io/v1 Events regarding a Rollout.</summary>
    public async Task<IReadOnlyList<Eventsv1Event>> EventsAsync(string rollout)
    {
        var list = await Cluster.Client.EventsV1.ListNamespacedEventAsync(Cluster.Namespace, cancellationToken: OperatorCluster.Ct);
        return [.. list.Items.Where(e => e.Regarding?.Name == rollout)];
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await Cluster.DisposeAsync();
        await Prometheus.DisposeAsync();
    }
}
