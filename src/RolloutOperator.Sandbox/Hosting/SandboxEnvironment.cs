using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Sandbox.Monitoring;
using RolloutOperator.Sandbox.Options;
using RolloutOperator.Sandbox.Progress;
using RolloutOperator.TrafficSimulator;

namespace RolloutOperator.Sandbox.Hosting;

/// <summary>
/// Everything the sandbox runs, on 127.0.0.1 in this process tree: the API emulator with our CRDs, the traffic simulator,
/// Prometheus (a child process) and the operator. Disposing stops them in reverse order and deletes the directory.
/// </summary>
internal sealed class SandboxEnvironment : IAsyncDisposable
{
    // Deployments become ready quickly, but not instantly, so the steps are visible.
    private static readonly TimeSpan ReadyDelay = TimeSpan.FromMilliseconds(500);
    private readonly CleanupStack _cleanup;

    private SandboxEnvironment(CleanupStack cleanup, string directory)
    {
        _cleanup = cleanup;
        Directory = directory;
        KubeconfigPath = Path.Combine(directory, "kubeconfig");
    }

    public string Directory { get; }

    public string KubeconfigPath { get; }

    public Kubernetes Client { get; private set; } = null!;

    public Uri ApiServer { get; private set; } = null!;

    public Uri SimulatorMetrics { get; private set; } = null!;

    /// <summary>Where the operator sends analysis queries; null when analysis is disabled (no Prometheus).</summary>
    public Uri? PrometheusAddress { get; private set; }

    /// <summary>The Prometheus child process, when the sandbox started one.</summary>
    public int? PrometheusProcessId { get; private set; }

    public Uri OperatorAddress { get; private set; } = null!;

    public string OperatorLog => Path.Combine(Directory, "operator.log");

    public static async Task<SandboxEnvironment> StartAsync(SandboxOptions options, string rollout, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var cleanup = new CleanupStack();
        var directory = System.IO.Directory.CreateTempSubdirectory("rollout-sandbox-").FullName;
        cleanup.Push(() => DeleteDirectory(directory));
        var sandbox = new SandboxEnvironment(cleanup, directory);
        try
        {
            await sandbox.StartApiAsync(options, time, cancellationToken).ConfigureAwait(false);
            await sandbox.StartSimulatorAsync(options.Namespace, rollout, time, cancellationToken).ConfigureAwait(false);
            await sandbox.StartPrometheusAsync(options, output, time, cancellationToken).ConfigureAwait(false);
            var app = await OperatorLauncher.StartAsync(sandbox.KubeconfigPath, sandbox.PrometheusAddress, sandbox.OperatorLog, cancellationToken).ConfigureAwait(false);
            cleanup.Push(() => StopOperatorAsync(app));
            sandbox.OperatorAddress = app.GetBoundAddress();
            return sandbox;
        }
        catch
        {
            await cleanup.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _cleanup.DisposeAsync();

    private async Task StartApiAsync(SandboxOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions { DefaultReadyDelay = ReadyDelay, Time = time }, cancellationToken).ConfigureAwait(false);
        _cleanup.Push(emulator);
        await emulator.InstallCustomResourceDefinitionsAsync(Path.Combine(AppContext.BaseDirectory, "crds"), cancellationToken).ConfigureAwait(false);
        foreach (var crds in options.ExtraCrds)
        {
            await emulator.InstallCustomResourceDefinitionsAsync(Path.GetFullPath(crds), cancellationToken).ConfigureAwait(false);
        }

        emulator.WriteKubeconfig(KubeconfigPath);
        ApiServer = emulator.BaseAddress;
        Client = new Kubernetes(emulator.CreateClientConfiguration());
        _cleanup.Push(Client);
    }

    private async Task StartSimulatorAsync(string @namespace, string rollout, TimeProvider time, CancellationToken cancellationToken)
    {
        var simulator = await SimulatorHost.StartAsync(Client, new SimulatorOptions
        {
            Namespace = @namespace,
            Rollout = rollout,
            RequestsPerSecond = 50,
            Time = time,
            LoggerFactory = NullLoggerFactory.Instance,
        }, cancellationToken).ConfigureAwait(false);
        _cleanup.Push(simulator);
        SimulatorMetrics = simulator.MetricsUri;
    }

    private async Task StartPrometheusAsync(SandboxOptions options, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.PrometheusUrl is { } own)
        {
            // The user's Prometheus is only ever queried (the operator's provider reads /api/v1/query*).
            PrometheusAddress = own;
            return;
        }

        if (PrometheusLauncher.FindBinary(options.PrometheusBinary) is not { } binary)
        {
            var missing = options.PrometheusBinary ?? PrometheusLauncher.DefaultBinary;
            output.Warn($"Prometheus not found at {missing}. Install it with:");
            output.Info(PrometheusLauncher.InstallCommand);
            output.Warn("Continuing with analysis disabled: Rollouts with analysis fail it with \"no Prometheus address configured\".");
            return;
        }

        var prometheus = await PrometheusLauncher.StartAsync(binary, Path.Combine(Directory, "prometheus"), SimulatorMetrics, time, cancellationToken).ConfigureAwait(false);
        _cleanup.Push(prometheus);
        PrometheusAddress = prometheus.Address;
        PrometheusProcessId = prometheus.ProcessId;
    }

    private static async ValueTask StopOperatorAsync(WebApplication app)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(bound.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static ValueTask DeleteDirectory(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
