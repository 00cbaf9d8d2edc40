using k8s;
using k8s.Autorest;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using RolloutOperator.Runtime.Metrics;

namespace RolloutOperator.Runtime.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease via KubernetesClient's <see cref="LeaderElector"/>
/// (which reads the wall clock itself). Losing leadership invokes <c>onLeadershipLost</c>: the host
/// should exit, because controllers may still hold state from the time they led.
/// </summary>
/// <remarks>
/// The elector only notices a failed renewal a retry period after the renew deadline, which can be after a standby
/// has already taken the lease. So the gate keeps its own deadline: <see cref="IsLeader"/> turns false exactly
/// <see cref="LeaderElectionOptions.RenewDeadline"/> after the start of the last successful renewal, and a watchdog
/// reports the loss then. A gate that lost leadership stops electing; the process is expected to restart.
/// Give it a client of its own: renewals must never wait behind reconcile traffic.
/// </remarks>
public sealed class LeaseLeaderGate : ILeaderGate
{
    private readonly IKubernetes _client;
    private readonly LeaderElectionOptions _options;
    private readonly string _identity;
    private readonly Action _onLeadershipLost;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private TaskCompletionSource _leading = NewSignal();
    private volatile bool _isLeader;
    private long _lastRenewTicks;
    private int _lost;

    public LeaseLeaderGate(
        IKubernetes client,
        LeaderElectionOptions options,
        string identity,
        Action onLeadershipLost,
        RuntimeMetrics metrics,
        ILogger logger,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        ArgumentNullException.ThrowIfNull(onLeadershipLost);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(' ', problems), nameof(options));
        }

        _client = client;
        _options = options;
        _identity = identity;
        _onLeadershipLost = onLeadershipLost;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True while this instance holds the lease and its last renewal is younger than the renew deadline.</summary>
    public bool IsLeader => _isLeader && _time.GetUtcNow() < RenewDeadlineAt;

    private string LeaseName => $"{_options.LeaseNamespace}/{_options.LeaseName}";

    private DateTimeOffset RenewDeadlineAt =>
        new DateTimeOffset(Interlocked.Read(ref _lastRenewTicks), TimeSpan.Zero) + _options.RenewDeadline;

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _leading).Task.WaitAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var electing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var leaseLock = new LeaseLock(_client, _options.LeaseNamespace, _options.LeaseName, _identity);
        // The elector swallows HTTP errors; without this, missing RBAC just looks like "never leader".
        leaseLock.OnHttpError += OnHttpError;
        using var elector = new LeaderElector(new LeaderElectionConfig(new RenewTrackingLock(leaseLock, _time, OnRenewed))
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        });
        elector.OnStartedLeading += OnStartedLeading;
        elector.OnStoppedLeading += () => OnStoppedLeading(cancellationToken);
        elector.OnNewLeader += leader => LeadershipLog.NewLeader(_logger, LeaseName, leader);
        elector.OnError += error => LeadershipLog.ElectionError(_logger, error, LeaseName);
        try
        {
            await Task.WhenAll(
                elector.RunAndTryToHoldLeadershipForeverAsync(electing.Token),
                WatchRenewDeadlineAsync(electing, electing.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (electing.IsCancellationRequested)
        {
            // Shutdown, or the renew deadline passed. The elector has no release: the lease expires after LeaseDuration.
        }
        finally
        {
            leaseLock.OnHttpError -= OnHttpError;
            SetLeader(false);
        }
    }

    /// <summary>Sleeps until the renew deadline of the latest renewal; if no newer renewal arrived by then, leadership is lost.</summary>
    private async Task WatchRenewDeadlineAsync(CancellationTokenSource electing, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitForLeadershipAsync(cancellationToken).ConfigureAwait(false);
            var wait = RenewDeadlineAt - _time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!_isLeader)
            {
                // Stopped leading by the elector's own account; wait for the next signal without spinning on the old one.
                await Task.Delay(_options.RetryPeriod, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            LeadershipLog.RenewDeadlinePassed(_logger, _identity, LeaseName, _options.RenewDeadline.TotalSeconds);
            DeclareLost();
            await electing.CancelAsync().ConfigureAwait(false);
            return;
        }
    }

    private void OnRenewed(DateTimeOffset startedAt)
    {
        // Only ever move forward: a slow earlier renewal must not shorten the deadline of a later one.
        var ticks = startedAt.UtcTicks;
        var seen = Interlocked.Read(ref _lastRenewTicks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _lastRenewTicks, ticks, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private void OnStartedLeading()
    {
        if (Volatile.Read(ref _lost) != 0)
        {
            return;
        }

        SetLeader(true);
        LeadershipLog.StartedLeading(_logger, _identity, LeaseName);
        Volatile.Read(ref _leading).TrySetResult();
    }

    private void OnStoppedLeading(CancellationToken cancellationToken)
    {
        // The elector also reports "stopped" when we are shutting down; that is not a loss.
        if (!_isLeader || cancellationToken.IsCancellationRequested)
        {
            SetLeader(false);
            return;
        }

        DeclareLost();
    }

    private void DeclareLost()
    {
        SetLeader(false);
        Volatile.Write(ref _leading, NewSignal());
        if (Interlocked.Exchange(ref _lost, 1) != 0)
        {
            return;
        }

        LeadershipLog.StoppedLeading(_logger, _identity, LeaseName);
        _onLeadershipLost();
    }

    private void OnHttpError(HttpOperationException error) =>
        LeadershipLog.HttpError(_logger, LeaseName, (int)(error.Response?.StatusCode ?? 0), error.Response?.Content);

    private void SetLeader(bool isLeader)
    {
        _isLeader = isLeader;
        _metrics.SetLeader(isLeader);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
