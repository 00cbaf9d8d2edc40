using Microsoft.Extensions.Logging;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Analysis.Judging;
using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.Web;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Measurements;

/// <summary>
/// Takes the due measurements of one reconcile: resolves the placeholders each query uses, renders it with escaping,
/// and asks the provider exactly once. Runs a few measurements at a time; results come back in the order of
/// <c>due</c>. A measurement that could not be taken is an error result; a cancelled reconcile yields no results at all.
/// All measurements of one call share a time budget below the reconcile timeout: one still running when it runs out is
/// an Error measurement (so a hung provider counts towards <c>consecutiveErrorLimit</c> instead of cancelling the reconcile).
/// </summary>
internal sealed class MeasurementService : IMeasurementService
{
    public const int DefaultMaxConcurrency = 4;

    private readonly IMetricProvider _provider;
    private readonly IWebMetricProvider _web;
    private readonly ISecretReader _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxConcurrency;
    private readonly TimeSpan _budget;

    /// <param name="budget">Time all due measurements of one reconcile may take; defaults to <see cref="MeasurementBudget.ForBatch"/> of 1m.</param>
    /// <param name="web">Takes web metrics; defaults to a <see cref="WebMetricProvider"/> over an outbound client with default limits.</param>
    public MeasurementService(IMetricProvider provider, ISecretReader secrets, TimeProvider time, ILogger<MeasurementService> logger, int maxConcurrency = DefaultMaxConcurrency, TimeSpan? budget = null, IWebMetricProvider? web = null)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _web = web ?? new WebMetricProvider(new OutboundHttpClient(new OutboundOptions(), secrets ?? throw new ArgumentNullException(nameof(secrets)), time ?? throw new ArgumentNullException(nameof(time))));
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _maxConcurrency = Math.Max(1, maxConcurrency);
        _budget = budget is { } b && b > TimeSpan.Zero ? b : MeasurementBudget.ForBatch(TimeSpan.FromMinutes(1));
    }

    public async Task<IReadOnlyList<MeasurementResult>> MeasureAsync(Rollout rollout, RolloutPlan plan, IReadOnlyList<DueMeasurement> due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(due);
        if (due.Count == 0)
        {
            return [];
        }

        var secrets = new CachingSecretReader(_secrets, new SecretScrubber());
        var results = new MeasurementResult[due.Count];
        using var deadline = new CancellationTokenSource(_budget, _time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var options = new ParallelOptions { MaxDegreeOfParallelism = _maxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), options, async (i, _) =>
            results[i] = await MeasureWithinBudgetAsync(rollout, due[i], secrets, budget.Token, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    private async Task<MeasurementResult> MeasureWithinBudgetAsync(Rollout rollout, DueMeasurement due, CachingSecretReader secrets, CancellationToken budget, CancellationToken stopping)
    {
        var at = _time.GetUtcNow();
        try
        {
            return await MeasureOneAsync(rollout, due, secrets, at, budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            // Not the reconcile being stopped (it goes on): record the measurement as an Error rather than nothing.
            var reason = budget.IsCancellationRequested
                ? $"measurement did not finish within {Durations.Format(_budget)}, the operator's measurement budget per reconcile"
                : "measurement was cancelled before it finished";
            return Errored(due, at, reason, null, secrets.Scrubber);
        }
    }

    public async Task<ErrorBudgetReading> MeasureErrorBudgetAsync(Rollout rollout, ErrorBudgetPlan policy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(policy);
        var secrets = new CachingSecretReader(_secrets, new SecretScrubber());
        using var deadline = new CancellationTokenSource(_budget, _time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await ErrorBudgetMeasurer.MeasureAsync(rollout, policy, at, (query, settings) => AskAsync(new MetricQuery(rollout.Metadata.NamespaceProperty ?? "", query, settings, at, secrets, secrets.Scrubber), budget.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ErrorBudgetReading(at, double.NaN, $"measurement did not finish within {Durations.Format(_budget)}, the operator's measurement budget per reconcile", null);
        }
    }

    private async Task<MeasurementResult> MeasureOneAsync(Rollout rollout, DueMeasurement due, CachingSecretReader secrets, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (due.Metric.Judge is not null)
        {
            var judged = await JudgeMeasurement.MeasureAsync(new JudgeRequest(rollout, due, secrets, at, AskAsync), cancellationToken).ConfigureAwait(false);
            return judged.Error is { } judgeError ? Errored(due, at, judgeError, judged.Query, secrets.Scrubber) : judged;
        }

        if (due.Metric.Slo is { } slo)
        {
            var sloVariables = await QueryVariables.ResolveAsync(rollout, due, SloQueries.ErrorRatio(slo.Good, slo.Bad, slo.Total), secrets, cancellationToken).ConfigureAwait(false);
            var outcome = await SloMeasurer.MeasureAsync(rollout, due, slo, sloVariables, at, (query, settings) => AskAsync(new MetricQuery(rollout.Metadata.NamespaceProperty ?? "", query, settings, at, secrets, secrets.Scrubber), cancellationToken)).ConfigureAwait(false);
            return outcome.Error is { } failure ? Errored(due, at, failure, outcome.Query, secrets.Scrubber) : outcome;
        }

        if (due.Metric.Web is { } web)
        {
            return await MeasureWebAsync(rollout, due, web, secrets, at, cancellationToken).ConfigureAwait(false);
        }

        var template = due.Metric.Prometheus?.Query ?? "";
        var variables = await QueryVariables.ResolveAsync(rollout, due, secrets, cancellationToken).ConfigureAwait(false);
        if (variables.Errors.Count > 0)
        {
            return Errored(due, at, "query arguments: " + string.Join("; ", variables.Errors), null, secrets.Scrubber);
        }

        var rendered = PromQlTemplate.Render(template, variables.Values);
        if (rendered.Query is not { } query)
        {
            return Errored(due, at, "query template: " + string.Join("; ", rendered.Errors), null, secrets.Scrubber);
        }

        // Status and events show the query with Secret-sourced values masked; Prometheus gets the real one.
        var shown = variables.SecretNames.Count == 0 ? query : PromQlTemplate.Render(template, variables.ForDisplay()).Query;
        var answer = await AskAsync(new MetricQuery(rollout.Metadata.NamespaceProperty ?? "", query, due.Metric.Prometheus!, at, secrets, secrets.Scrubber), cancellationToken).ConfigureAwait(false);
        if (answer.Error is { } error)
        {
            return Errored(due, at, error, shown, secrets.Scrubber);
        }

        MeasurementLog.Measured(_logger, due.AnalysisKey, due.Metric.Name, due.Revision, answer.Values.Count);
        return new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, at, answer.Values, null, shown);
    }

    private async Task<MeasurementResult> MeasureWebAsync(Rollout rollout, DueMeasurement due, WebMetricPlan web, CachingSecretReader secrets, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var prepared = await WebRequests.PrepareAsync(rollout, due, web, secrets, cancellationToken).ConfigureAwait(false);
        if (prepared.Error is { } problem)
        {
            return Errored(due, at, problem, prepared.Shown, secrets.Scrubber);
        }

        MetricQueryResult answer;
        try
        {
            answer = await _web.MeasureAsync(prepared.Request!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            answer = MetricQueryResult.Failed($"provider failed: {e.GetType().Name}: {e.Message}");
        }

        if (answer.Error is { } error)
        {
            return Errored(due, at, error, prepared.Shown, secrets.Scrubber);
        }

        MeasurementLog.Measured(_logger, due.AnalysisKey, due.Metric.Name, due.Revision, answer.Values.Count);
        return new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, at, answer.Values, null, prepared.Shown);
    }

    private async Task<MetricQueryResult> AskAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        try
        {
            return await _provider.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The contract says providers answer with error results; a provider bug must still not pass or crash the reconcile.
            return MetricQueryResult.Failed($"provider failed: {e.GetType().Name}: {e.Message}");
        }
    }

    // Every provider's error text is scrubbed of the reconcile's secret values and bounded before it is logged or kept.
    private MeasurementResult Errored(DueMeasurement due, DateTimeOffset at, string error, string? query, SecretScrubber scrubber)
    {
        error = scrubber.Bound(error);
        MeasurementLog.Errored(_logger, due.AnalysisKey, due.Metric.Name, due.Revision, error);
        return new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, at, null, error, query);
    }
}
