using RolloutOperator.Core.Api;
using RolloutOperator.Core.Expressions;

namespace RolloutOperator.Core.Analysis;

// successCondition/failureCondition semantics: a true failureCondition fails; a false successCondition is
// Inconclusive when a failureCondition also exists (neither side claimed the value), else Failed.
internal static class Conditions
{
    public static Verdict? Judge(IConditionExpression? success, IConditionExpression? failure, IReadOnlyList<double> values)
    {
        if (failure is not null)
        {
            var failed = failure.Evaluate(values);
            if (failed.IsError)
            {
                return Error("failureCondition", failure, failed);
            }

            if (failed.Value)
            {
                return new Verdict(AnalysisPhase.Failed, $"failureCondition `{failure.Text}` is true");
            }
        }

        if (success is null)
        {
            return failure is null ? null : new Verdict(AnalysisPhase.Successful, $"failureCondition `{failure.Text}` is false");
        }

        var passed = success.Evaluate(values);
        if (passed.IsError)
        {
            return Error("successCondition", success, passed);
        }

        if (passed.Value)
        {
            return new Verdict(AnalysisPhase.Successful, $"successCondition `{success.Text}` is true");
        }

        var phase = failure is null ? AnalysisPhase.Failed : AnalysisPhase.Inconclusive;
        return new Verdict(phase, $"successCondition `{success.Text}` is false");
    }

    private static Verdict Error(string which, IConditionExpression condition, ConditionResult result) =>
        new(AnalysisPhase.Error, $"{which} `{condition.Text}` could not be evaluated: {result.Error}");
}
