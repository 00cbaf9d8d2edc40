using k8s;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace RolloutOperator.TrafficSimulator;

/// <summary>
/// The simulator, usable in-process: follows a Rollout's split (polling the source every
/// <see cref="SimulatorOptions.RefreshInterval"/>), generates requests on a <see cref="TimeProvider"/>-driven tick, and
/// serves the resulting metrics on <see cref="MetricsUri"/>.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly ITrafficSource _source;
    private readonly SimulatorOptions _options;
    private readonly SimulatorMetrics _metrics;
    private readonly RequestGenerator _generator;
    private readonly MetricsEndpoint _endpoint;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _generated;

    private SimulatorHost(ITrafficSource source, SimulatorOptions options, SimulatorMetrics metrics, MetricsEndpoint endpoint)
    {
        _source = source;
        _options = options;
        _metrics = metrics;
        _endpoint = endpoint;
        _logger = options.LoggerFactory.CreateLogger<SimulatorHost>();
        _generator = new RequestGenerator(metrics, new Random(options.Seed), options.RequestsPerSecond, options.BaseLatency);
    }

    public Uri MetricsUri => _endpoint.Uri;

    public TrafficSnapshot Snapshot { get; private set; } = TrafficSnapshot.None;

    public CollectorRegistry Registry => _metrics.Registry;

    public long RequestsGenerated => Interlocked.Read(ref _generated);

    public static Task<SimulatorHost> StartAsync(IKubernetes client, SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StartAsync(new RolloutTrafficSource(client, options.Namespace, options.Rollout), options, cancellationToken);
    }

    public static async Task<SimulatorHost> StartAsync(ITrafficSource source, SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var metrics = new SimulatorMetrics(Metrics.NewCustomRegistry(), options.Namespace, options.Rollout);
        var endpoint = await MetricsEndpoint.StartAsync(metrics.Registry, options.MetricsPort, cancellationToken).ConfigureAwait(false);
        var host = new SimulatorHost(source, options, metrics, endpoint);
        await host.RefreshAsync(cancellationToken).ConfigureAwait(false);
        host._loop = host.RunAsync(host._stop.Token);
        SimulatorLog.Started(host._logger, endpoint.Uri, options.Namespace, options.Rollout, options.RequestsPerSecond);
        return host;
    }

    /// <summary>Re-reads the split now. A failed read keeps the previous split: traffic does not stop because the API blinked.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = await _source.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!snapshot.Revisions.SequenceEqual(Snapshot.Revisions))
            {
                var split = string.Join(", ", snapshot.Revisions.Select(r => $"{r.Revision}={r.Weight}%"));
                SimulatorLog.SplitChanged(_logger, split);
            }

            Snapshot = snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SimulatorLog.RefreshFailed(_logger, e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await _endpoint.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var time = _options.Time;
        using var timer = new PeriodicTimer(_options.TickInterval, time);
        var last = time.GetTimestamp();
        var sinceRefresh = TimeSpan.Zero;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var elapsed = time.GetElapsedTime(last);
                last = time.GetTimestamp();
                sinceRefresh += elapsed;
                if (sinceRefresh >= _options.RefreshInterval)
                {
                    sinceRefresh = TimeSpan.Zero;
                    await RefreshAsync(cancellationToken).ConfigureAwait(false);
                }

                Interlocked.Add(ref _generated, _generator.Generate(Snapshot, elapsed));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
