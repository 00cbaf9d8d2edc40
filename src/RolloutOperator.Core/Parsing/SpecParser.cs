using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Parsing;

/// <summary>
/// Turns a Rollout spec into a <see cref="RolloutPlan"/> with every default applied and every reference resolved, or
/// reports every error at its field path. Works on raw manifests too (lint), so it assumes no API-server defaulting.
/// </summary>
public static class SpecParser
{
    public static ParseResult Parse(RolloutSpec spec, ParseContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new SpecErrors();
        var replicas = Fields.Within(spec.Replicas, SpecDefaults.Replicas, 0, SpecLimits.MaxReplicas, "spec.replicas", errors);
        var workload = WorkloadValidator.Validate(spec, context, errors);
        var strategy = Strategy(spec.Strategy, replicas, context, errors);
        var progressDeadline = Fields.AtLeast(spec.ProgressDeadlineSeconds, SpecDefaults.ProgressDeadlineSeconds, 1, "spec.progressDeadlineSeconds", errors);
        var historyLimit = Fields.AtLeast(spec.RevisionHistoryLimit, SpecDefaults.RevisionHistoryLimit, 0, "spec.revisionHistoryLimit", errors);
        Fields.AtLeast(spec.MinReadySeconds, SpecDefaults.MinReadySeconds, 0, "spec.minReadySeconds", errors);
        var rollbackWindow = spec.RollbackWindow is null ? 0 : Fields.AtLeast(spec.RollbackWindow.Revisions, 0, 0, "spec.rollbackWindow.revisions", errors);
        var errorBudget = ErrorBudgetParser.Parse(spec.ErrorBudgetPolicy, "spec.errorBudgetPolicy", MetricOrigin.Namespaced(context.Providers), errors);
        var webhooks = WebhookParser.Parse(spec.Webhooks, spec.Strategy?.Canary is not null, context.Providers.OutboundHosts, errors);
        if (errors.Count > 0 || workload is null || strategy is null)
        {
            return new ParseResult(null, errors.All);
        }

        var plan = new RolloutPlan(
            workload.Revision,
            replicas,
            strategy,
            TimeSpan.FromSeconds(progressDeadline),
            spec.ProgressDeadlineAbort ?? SpecDefaults.ProgressDeadlineAbort,
            spec.Paused ?? SpecDefaults.Paused,
            historyLimit,
            rollbackWindow,
            workload.Selector)
        { ErrorBudget = errorBudget, Webhooks = webhooks };
        return new ParseResult(plan, []);
    }

    private static StrategyPlan? Strategy(RolloutStrategy? strategy, int replicas, ParseContext context, SpecErrors errors)
    {
        if (strategy is null || (strategy.Canary is null) == (strategy.BlueGreen is null))
        {
            errors.Add("spec.strategy", "set exactly one of canary or blueGreen");
            return null;
        }

        return strategy.Canary is { } canary
            ? CanaryValidator.Parse(canary, replicas, context, errors)
            : BlueGreenValidator.Parse(strategy.BlueGreen!, replicas, context, errors);
    }
}
