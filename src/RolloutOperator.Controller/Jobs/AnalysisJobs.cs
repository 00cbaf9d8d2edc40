using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using RolloutOperator.Controller.Model;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Jobs;

/// <summary>
/// The job metric provider. A measurement spans reconciles and never blocks one: the first reconcile that finds it due
/// creates its Job and reports it in progress; later ones read the Job from the cache (the Jobs informer wakes the
/// Rollout when it changes) until it is Complete (value 1) or Failed (value 0).
/// </summary>
internal sealed class AnalysisJobs
{
    private readonly IKubernetes _client;
    private readonly IObjectCache<V1Job> _jobs;
    private readonly TimeProvider _time;

    public AnalysisJobs(IKubernetes client, IObjectCache<V1Job> jobs, TimeProvider time)
    {
        _client = client;
        _jobs = jobs;
        _time = time;
    }

    public async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(Rollout rollout, IReadOnlyList<DueMeasurement> due, CancellationToken cancellationToken)
    {
        var results = new List<MeasurementResult>(due.Count);
        foreach (var measurement in due)
        {
            results.Add(await MeasureOneAsync(rollout, measurement, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<MeasurementResult> MeasureOneAsync(Rollout rollout, DueMeasurement due, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var name = AnalysisJobNames.For(rollout.Metadata.Name, due);
        var shown = $"Job {name}";
        if (_jobs.Find(rollout.Metadata.NamespaceProperty, name) is not { } job)
        {
            return await CreateAsync(rollout, due, name, now, cancellationToken).ConfigureAwait(false);
        }

        if (job.Metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == rollout.Metadata.Uid) != true)
        {
            return Result(due, now, null, $"a Job named {name} exists and is not controlled by this Rollout", shown);
        }

        return AnalysisJobStates.Of(job) switch
        {
            AnalysisJobState.Complete => Result(due, now, [1], null, shown),
            AnalysisJobState.Failed => Result(due, now, [0], null, $"{shown} failed: {AnalysisJobStates.FailureReason(job)}"),
            _ => InProgress(due, now, name, job.Metadata.CreationTimestamp),
        };
    }

    private async Task<MeasurementResult> CreateAsync(Rollout rollout, DueMeasurement due, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = due.Metric.Job!;
        try
        {
            await _client.BatchV1.CreateNamespacedJobAsync(AnalysisJobManifest.Build(rollout, due, plan, name), rollout.Metadata.NamespaceProperty, fieldManager: ApiGroup.FieldManager, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Created by an earlier reconcile that the cache has not shown yet: the measurement is running.
        }
        catch (HttpOperationException e)
        {
            var detail = e.Response.Content is { Length: > 0 } content ? content[..Math.Min(content.Length, 400)] : e.Message;
            return Result(due, now, null, $"creating Job {name}: HTTP {(int)e.Response.StatusCode}: {detail}", $"Job {name}");
        }

        return InProgress(due, now, name, null);
    }

    private static MeasurementResult InProgress(DueMeasurement due, DateTimeOffset now, string name, DateTime? created) =>
        new(due.AnalysisKey, due.Revision, due.Metric.Name, now, null, null, $"Job {name}")
        {
            InProgress = new MeasurementInProgress
            {
                Name = name,
                StartedAt = due.InProgress?.Name == name ? due.InProgress.StartedAt : created is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : now,
            },
        };

    private static MeasurementResult Result(DueMeasurement due, DateTimeOffset now, IReadOnlyList<double>? values, string? error, string shown) =>
        new(due.AnalysisKey, due.Revision, due.Metric.Name, now, values, error, shown);
}
