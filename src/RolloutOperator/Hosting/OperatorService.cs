using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Composition;
using RolloutOperator.Runtime.Leadership;

namespace RolloutOperator.Hosting;

/// <summary>
/// Runs the informers and the election on every instance (a follower's caches are warm when it takes over) and the
/// reconcile workers only while leading.
/// </summary>
internal sealed class OperatorService : BackgroundService
{
    private readonly RolloutOperatorRuntime _runtime;
    private readonly ILeaderGate _gate;
    private readonly OperatorExit _exit;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;

    public OperatorService(RolloutOperatorRuntime runtime, ILeaderGate gate, OperatorExit exit, IHostApplicationLifetime lifetime, ILogger<OperatorService> logger)
    {
        _runtime = runtime;
        _gate = gate;
        _exit = exit;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _exit.LeadershipLostToken);
        using var onLoss = _exit.LeadershipLostToken.Register(OnLeadershipLost);
        try
        {
            await Task.WhenAll(
                _runtime.RunInformersAsync(stoppingToken),
                _gate.RunAsync(stoppingToken),
                RunWhenLeadingAsync(leading.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
            // Shutdown or leadership loss; the exit code says which.
        }
#pragma warning disable CA1031 // Anything else ends the process with a failure code instead of a half-working operator.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HostLog.Failed(_logger, ex);
            _exit.Failed();
            _lifetime.StopApplication();
        }
    }

    private async Task RunWhenLeadingAsync(CancellationToken cancellationToken)
    {
        await _runtime.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
        HostLog.Synced(_logger);
        await _gate.WaitForLeadershipAsync(cancellationToken).ConfigureAwait(false);
        HostLog.Leading(_logger);
        await _runtime.RunControllerAsync(cancellationToken).ConfigureAwait(false);
    }

    private void OnLeadershipLost()
    {
        HostLog.LeadershipLost(_logger);
        _lifetime.StopApplication();
    }
}
