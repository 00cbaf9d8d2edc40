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
public sealed class LeaseLeaderGate : ILeaderGate
{
    private readonly IKubernetes _client;
    private readonly LeaderElectionOptions _options;
    private readonly string _identity;
    private readonly Action _onLeadershipLost;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private TaskCompletionSource _leading = NewSignal();
    private volatile bool _isLeader;

    public LeaseLeaderGate(
        IKubernetes client,
        LeaderElectionOptions options,
        string identity,
        Action onLeadershipLost,
        RuntimeMetrics metrics,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        ArgumentNullException.ThrowIfNull(onLeadershipLost);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _client = client;
        _options = options;
        _identity = identity;
        _onLeadershipLost = onLeadershipLost;
        _metrics = metrics;
        _logger = logger;
    }

    public bool IsLeader => _isLeader;

    private string LeaseName => $"{_options.LeaseNamespace}/{_options.LeaseName}";

    public Task WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _leading).Task.WaitAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var leaseLock = new LeaseLock(_client, _options.LeaseNamespace, _options.LeaseName, _identity);
        // The elector swallows HTTP errors; without this, missing RBAC just looks like "never leader".
        leaseLock.OnHttpError += OnHttpError;
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
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
            await elector.RunAndTryToHoldLeadershipForeverAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown. The elector has no release: the lease expires after LeaseDuration.
        }
        finally
        {
            leaseLock.OnHttpError -= OnHttpError;
            SetLeader(false);
        }
    }

    private void OnStartedLeading()
    {
        SetLeader(true);
        LeadershipLog.StartedLeading(_logger, _identity, LeaseName);
        Volatile.Read(ref _leading).TrySetResult();
    }

    private void OnStoppedLeading(CancellationToken cancellationToken)
    {
        var wasLeader = _isLeader;
        SetLeader(false);
        Volatile.Write(ref _leading, NewSignal());
        // The elector also reports "stopped" when we are shutting down; that is not a loss.
        if (!wasLeader || cancellationToken.IsCancellationRequested)
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
