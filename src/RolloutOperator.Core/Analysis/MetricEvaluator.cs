using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// Folds judged measurements into a metric's counts and derives its phase from the plan's limits.
public static class MetricEvaluator
{
    public static MetricStatus Start(MetricPlan metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new MetricStatus
        {
            Name = metric.Name,
            Phase = AnalysisPhase.Running,
            Message = "waiting for the first measurement",
            DryRun = metric.DryRun ? true : null,
            ConsecutiveSuccesses = metric.ConsecutiveSuccessLimit is null ? null : 0,
        };
    }

    public static MetricStatus Record(MetricStatus status, MetricPlan metric, Measurement measurement)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(measurement);

        // A terminal metric takes no more measurements; a Running "measurement" is no verdict at all.
        if (status.Phase != AnalysisPhase.Running || measurement.Phase == AnalysisPhase.Running)
        {
            return status;
        }

        var counted = Count(status, metric, measurement);
        var (phase, message) = Decide(counted, metric);
        return counted with { Phase = phase, Message = Bounded.Text(message, Bounded.RunMessage) };
    }

    public static (AnalysisPhase Phase, string Message) Decide(MetricStatus status, MetricPlan metric)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(metric);
        if (status.Failed > metric.FailureLimit)
        {
            return (AnalysisPhase.Failed, MetricMessages.OverLimit(status, metric, AnalysisPhase.Failed, status.Failed, "failureLimit", metric.FailureLimit));
        }

        if (status.Inconclusive > metric.InconclusiveLimit)
        {
            return (AnalysisPhase.Inconclusive, MetricMessages.OverLimit(status, metric, AnalysisPhase.Inconclusive, status.Inconclusive, "inconclusiveLimit", metric.InconclusiveLimit));
        }

        if (status.ConsecutiveErrors > metric.ConsecutiveErrorLimit)
        {
            return (AnalysisPhase.Error, MetricMessages.ErrorStreak(status, metric));
        }

        // The streak is checked after every limit, so a failure over failureLimit is never hidden by earlier successes.
        if (metric.ConsecutiveSuccessLimit is { } streak && status.ConsecutiveSuccesses >= streak)
        {
            return (AnalysisPhase.Successful, MetricMessages.Streak(status, metric, streak));
        }

        // Errors are retried, so they never use up the count; only judged measurements do.
        var judged = status.Successful + status.Failed + status.Inconclusive;
        if (metric.Count is { } count && judged >= count)
        {
            if (metric.ConsecutiveSuccessLimit is { } wanted)
            {
                return (AnalysisPhase.Inconclusive, $"count {count} reached without {wanted} consecutive successful measurements; a human decides");
            }

            return status.Successful >= 1
                ? (AnalysisPhase.Successful, MetricMessages.Completed(status, metric, count))
                : (AnalysisPhase.Inconclusive, $"count {count} reached with zero successful measurements; zero measurements never pass");
        }

        return (AnalysisPhase.Running, MetricMessages.Progress(status, metric));
    }

    private static MetricStatus Count(MetricStatus status, MetricPlan metric, Measurement measurement)
    {
        var phase = measurement.Phase;
        var retention = Math.Clamp(metric.MeasurementRetention, 1, MetricPlan.MaxMeasurements);
        var kept = status.Measurements.Skip(Math.Max(0, status.Measurements.Count - (retention - 1)));
        return status with
        {
            Successful = status.Successful + (phase == AnalysisPhase.Successful ? 1 : 0),
            Failed = status.Failed + (phase == AnalysisPhase.Failed ? 1 : 0),
            Inconclusive = status.Inconclusive + (phase == AnalysisPhase.Inconclusive ? 1 : 0),
            Error = status.Error + (phase == AnalysisPhase.Error ? 1 : 0),
            ConsecutiveErrors = phase == AnalysisPhase.Error ? status.ConsecutiveErrors + 1 : 0,
            ConsecutiveSuccesses = metric.ConsecutiveSuccessLimit is null ? null
                : phase == AnalysisPhase.Successful ? (status.ConsecutiveSuccesses ?? 0) + 1 : 0,
            Measurements = [.. kept, measurement],
        };
    }
}
