using RolloutOperator.Cli.Dashboard;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Tests.Dashboard;

/// <summary>The emulator (with or without the operator host) and a dashboard serving it, as the plugin's `dashboard` would.</summary>
internal sealed class DashboardRun : IAsyncDisposable
{
    private readonly Microsoft.AspNetCore.Builder.WebApplication? _operator;
    private readonly k8s.Kubernetes _dashboardClient;

    private DashboardRun(ClusterHarness cluster, Microsoft.AspNetCore.Builder.WebApplication? host, k8s.Kubernetes client, DashboardServer server)
    {
        Cluster = cluster;
        _operator = host;
        _dashboardClient = client;
        Server = server;
    }

    public ClusterHarness Cluster { get; }

    public DashboardServer Server { get; }

    public string Url(string path) => new Uri(Server.Address, path).ToString();

    public static Task<DashboardRun> StartAsync(bool withOperator, params string[] operatorArgs) => StartScopedAsync("default", withOperator, operatorArgs);

    /// <summary><paramref name="ns"/> null shows every namespace (the command's -A).</summary>
    public static async Task<DashboardRun> StartScopedAsync(string? ns, bool withOperator, string[] operatorArgs)
    {
        var cluster = await ClusterHarness.StartAsync();
        Microsoft.AspNetCore.Builder.WebApplication? host = null;
        if (withOperator)
        {
            host = OperatorHost.Build(["--kubeconfig", cluster.Kubeconfig, "--leader-elect", "false", "--port", "0", .. operatorArgs]);
            await host.StartAsync(ClusterHarness.Ct);
        }

        // The plugin's own connection code, so the dashboard's requests carry its User-Agent as in real use.
        var connection = new Kube.KubeClientFactory(_ => null).Connect(new Kube.KubeSettings(cluster.Kubeconfig, null, null, null, "dashboard"));
        var client = (k8s.Kubernetes)connection.Client;
        var server = await DashboardServer.StartAsync(new DashboardSettings(client, ns, 0, TimeProvider.System), ClusterHarness.Ct);
        return new DashboardRun(cluster, host, client, server);
    }

    /// <summary>Every request the dashboard made to the API server (recognised by its User-Agent).</summary>
    public IReadOnlyList<ApiEmulator.Http.RequestRecord> DashboardRequests() =>
        Cluster.Emulator.Requests.Where(r => r.UserAgent?.Contains("(dashboard)", StringComparison.Ordinal) == true);

    public async Task<Rollout> WaitAsync(Func<Rollout, bool> done, string what, string name = "web")
    {
        Rollout? last = null;
        for (var i = 0; i < 200; i++)
        {
            last = await Cluster.GetRolloutAsync(name);
            if (done(last))
            {
                return last;
            }

            await Task.Delay(150);
        }

        Assert.Fail($"{what} not reached: {k8s.KubernetesJson.Serialize(last?.Status)}");
        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_operator is not null)
        {
            await _operator.StopAsync(CancellationToken.None);
            await _operator.DisposeAsync();
        }

        _dashboardClient.Dispose();
        await Cluster.DisposeAsync();
    }
}
