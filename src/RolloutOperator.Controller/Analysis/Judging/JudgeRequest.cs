using RolloutOperator.Core.Engine;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis.Judging;

/// <summary>What one judge measurement needs: the Rollout, the due metric, the reconcile's secrets and a way to ask the provider.</summary>
internal sealed record JudgeRequest(
    Rollout Rollout,
    DueMeasurement Due,
    CachingSecretReader Secrets,
    DateTimeOffset At,
    Func<MetricQuery, CancellationToken, Task<MetricQueryResult>> Ask);
