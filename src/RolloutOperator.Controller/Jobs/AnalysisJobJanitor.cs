using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Controller.Workloads;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Jobs;

/// <summary>
/// Deletes the Rollout's analysis Jobs it no longer needs, level-triggered from the decided status: a running Job whose
/// measurement is no longer in progress (the analysis ended, the rollout was aborted or promoted, the spec changed) is
/// deleted with its pods; of the finished ones the newest <see cref="KeepFinished"/> are kept for debugging.
/// </summary>
internal sealed class AnalysisJobJanitor
{
    /// <summary>Finished Jobs kept per Rollout, newest first, so `kubectl logs job/...` still works after a verdict.</summary>
    public const int KeepFinished = 3;

    private readonly IKubernetes _client;
    private readonly IObjectCache<V1Job> _jobs;
    private readonly TimeProvider _time;

    public AnalysisJobJanitor(IKubernetes client, IObjectCache<V1Job> jobs, TimeProvider time)
    {
        _client = client;
        _jobs = jobs;
        _time = time;
    }

    public async Task CleanUpAsync(Rollout rollout, RolloutPlan plan, RolloutStatus next, CancellationToken cancellationToken)
    {
        var owned = _jobs.ListByControllerUid(rollout.Metadata.Uid)
            .Where(j => j.Metadata.DeletionTimestamp is null && j.Metadata.Labels?.ContainsKey(AnalysisJobNames.JobLabel) == true)
            .ToList();
        if (owned.Count == 0)
        {
            return;
        }

        var inProgress = AnalysisScheduler.DueMeasurements(plan, next, _time.GetUtcNow())
            .Select(d => d.InProgress?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var unwanted = owned.Where(j => !AnalysisJobStates.Finished(j) && !inProgress.Contains(j.Metadata.Name))
            .Concat(owned.Where(AnalysisJobStates.Finished).OrderByDescending(j => j.Metadata.CreationTimestamp).ThenBy(j => j.Metadata.Name, StringComparer.Ordinal).Skip(KeepFinished));
        foreach (var job in unwanted)
        {
            await DeleteAsync(job, cancellationToken).ConfigureAwait(false);
        }
    }

    // Background propagation: a Job deleted with the API's default for Jobs would leave its pods behind.
    private async Task DeleteAsync(V1Job job, CancellationToken cancellationToken)
    {
        try
        {
            await _client.BatchV1.DeleteNamespacedJobAsync(job.Metadata.Name, job.Metadata.NamespaceProperty, propagationPolicy: "Background", cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }
}
