using k8s.Models;
using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Caching;
using RolloutOperator.Controller.Status;
using RolloutOperator.Core.Engine;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Controllers;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Reconciliation;

/// <summary>
/// Reconciles one Rollout key. A write that loses a race (409) means the decision was made on a stale Rollout: the
/// Rollout is re-read from the API server and the whole pass runs again; actions are idempotent, so repeating them is safe.
/// </summary>
internal sealed class RolloutReconciler : IReconciler<ObjectKey>
{
    private const int MaxConflictRetries = 3;
    private readonly RolloutCaches _caches;
    private readonly RolloutSync _sync;
    private readonly RolloutPatches _patches;
    private readonly RolloutSyncParts _parts;
    private readonly FreshRollouts _fresh = new();
    private readonly ILogger _logger;

    public RolloutReconciler(RolloutCaches caches, RolloutSync sync, RolloutPatches patches, RolloutSyncParts parts, ILogger<RolloutReconciler> logger)
    {
        _caches = caches;
        _sync = sync;
        _patches = patches;
        _parts = parts;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var rollout = _fresh.Current(key, _caches.Rollouts.Find(key));
        var stale = new List<string?> { rollout?.Metadata.ResourceVersion };
        for (var attempt = 1; ; attempt++)
        {
            if (rollout is null)
            {
                Forget(key);
                await ReportUndecodableAsync(key, cancellationToken).ConfigureAwait(false);
                return ReconcileResult.Done;
            }

            try
            {
                await _caches.RefreshWorkloadAsync(rollout, cancellationToken).ConfigureAwait(false);
                var result = await _sync.ReconcileAsync(rollout, cancellationToken).ConfigureAwait(false);
                if (result.Written is { } written)
                {
                    _fresh.Remember(key, stale, written);
                }

                return result.Result;
            }
            catch (RolloutConflictException) when (attempt < MaxConflictRetries)
            {
                ReconcileLog.Conflict(_logger, attempt);
                rollout = await _patches.GetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
                stale.Add(rollout?.Metadata.ResourceVersion);
            }
        }
    }

    /// <summary>A Rollout that exists but cannot be decoded is left alone; a Warning Event on it says why.</summary>
    private async Task ReportUndecodableAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (_caches.UndecodableRollouts.Find(key) is not { } bad)
        {
            return;
        }

        var regarding = new Rollout
        {
            Metadata = new V1ObjectMeta { Name = key.Name, NamespaceProperty = key.Namespace, Uid = bad.Uid, ResourceVersion = bad.ResourceVersion },
        };
        var message = $"the operator cannot decode this Rollout (resourceVersion {bad.ResourceVersion}) and leaves it, its workloads and its traffic as they are until it is fixed: {bad.Error}";
        await _parts.Events.RecordAsync(regarding, new RolloutEvent(EventSeverity.Warning, "InvalidObject", message), cancellationToken).ConfigureAwait(false);
    }

    private void Forget(ObjectKey key)
    {
        ReconcileLog.Gone(_logger, key);
        _fresh.Forget(key);
        _parts.InvalidCommands.Forget(key);
        _parts.Metrics.Forget(key.Namespace, key.Name);
        _parts.Notifier?.Forget(key);
    }
}
