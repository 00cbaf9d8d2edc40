using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>Measures the service's error ratio over the policy's period with one rendered, escaped query.</summary>
internal static class ErrorBudgetMeasurer
{
    public static async Task<ErrorBudgetReading> MeasureAsync(Rollout rollout, ErrorBudgetPlan policy, DateTimeOffset at, Func<string, PrometheusMetric, Task<MetricQueryResult>> ask)
    {
        var template = SloQueries.ErrorRatio(policy.Good, policy.Bad, policy.Total);
        var variables = BuiltInVariables.For(rollout, rollout.Status?.CanaryRevision ?? "");
        SloQueries.AddVariables(variables, null, policy.Period);
        var rendered = PromQlTemplate.Render(template, variables);
        if (rendered.Query is not { } query)
        {
            // Only built-ins without a value can fail here (the parser checked the names): say which.
            var missing = PromQlTemplate.Placeholders(template).Where(p => !variables.ContainsKey(p)).Select(p => $"{{{{{p}}}}}: {BuiltInVariables.WhyMissing(p) ?? "unknown"}");
            return new ErrorBudgetReading(at, double.NaN, "query template: " + string.Join("; ", missing.DefaultIfEmpty(string.Join("; ", rendered.Errors))), null);
        }

        var answer = await ask(query, policy.Prometheus).ConfigureAwait(false);
        if (answer.Error is { } error)
        {
            return new ErrorBudgetReading(at, double.NaN, error, query);
        }

        var values = answer.Values.Where(v => !double.IsNaN(v)).ToList();
        return new ErrorBudgetReading(at, values.Count == 0 ? double.NaN : values.Max(), null, query);
    }
}
