using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Analysis;

// One analysis run as a pure fold: records in, new records out. Inputs are never mutated.
public static class AnalysisEvaluator
{
    public static AnalysisRunStatus Start(string key, string revision, AnalysisPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = new AnalysisRunStatus
        {
            Key = key,
            Revision = revision,
            Phase = AnalysisPhase.Running,
            StartedAt = KubeTime.Truncate(now),
            Metrics = [.. plan.Metrics.Select(MetricEvaluator.Start)],
        };
        return WithVerdict(run, plan);
    }

    public static AnalysisRunStatus Record(AnalysisRunStatus run, AnalysisPlan plan, MeasurementResult result)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(result);
        if (run.Phase != AnalysisPhase.Running || result.AnalysisKey != run.Key || result.Revision != run.Revision)
        {
            return run;
        }

        var index = run.Metrics.FindIndex(m => m.Name == result.Metric);
        var metric = plan.Metrics.FirstOrDefault(m => m.Name == result.Metric);

        // A result that is not due (a duplicate, or one taken before the interval elapsed) is dropped,
        // which keeps "at most one measurement per interval" true even if the caller repeats itself.
        if (index < 0 || metric is null || run.Metrics[index].Phase != AnalysisPhase.Running
            || result.At < DueAt(run, metric, run.Metrics[index]))
        {
            return run;
        }

        if (result.InProgress is { } started)
        {
            return InProgress(run, index, started);
        }

        var updated = MetricEvaluator.Record(run.Metrics[index] with { InProgress = null }, metric, MeasurementJudge.Judge(metric, result));
        if (metric.Judge is { } judge && result.Judge is { } observed)
        {
            updated = updated with { Judge = JudgeScoring.Status(judge, observed) };
        }

        var metrics = new List<MetricStatus>(run.Metrics) { [index] = updated };
        return WithVerdict(run with { Metrics = metrics }, plan);
    }

    public static IReadOnlyList<MetricPlan> Due(AnalysisRunStatus run, AnalysisPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        return [.. Running(run, plan).Where(p => now >= DueAt(run, p.Plan, p.Status)).Select(p => p.Plan)];
    }

    // Never earlier than now: an overdue metric means "look again immediately", not "never".
    public static DateTimeOffset? NextDue(AnalysisRunStatus run, AnalysisPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        var due = Running(run, plan).Select(p => p.Status.InProgress is null ? DueAt(run, p.Plan, p.Status) : now + InProgressRecheck).ToList();
        if (due.Count == 0)
        {
            return null;
        }

        var earliest = due.Min();
        return earliest < now ? now : earliest;
    }

    /// <summary>
    /// A measurement that spans reconciles is checked on every reconcile (a cache read), but is no reason to reconcile
    /// again at once: its own object wakes the Rollout when it finishes, and this is the safety net.
    /// </summary>
    public static readonly TimeSpan InProgressRecheck = TimeSpan.FromSeconds(30);

    // Unchanged input comes back as the same instance, so an unchanged in-progress measurement writes nothing.
    private static AnalysisRunStatus InProgress(AnalysisRunStatus run, int index, MeasurementInProgress started)
    {
        var status = run.Metrics[index];
        if (status.InProgress?.Name == started.Name)
        {
            return run;
        }

        var marked = status with
        {
            InProgress = started with { StartedAt = KubeTime.Truncate(started.StartedAt) },
            Message = Bounded.Text($"measurement in progress: {started.Name}", Bounded.RunMessage),
        };
        return run with { Metrics = new List<MetricStatus>(run.Metrics) { [index] = marked } };
    }

    // Background analysis has no count and never completes; it passes while nothing went wrong and every
    // metric has produced at least one success (zero measurements never promote). Dry-run metrics never hold it.
    public static bool IsPassingForPromotion(AnalysisRunStatus run, AnalysisPlan plan)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Metrics.Count > 0 && plan.Metrics.Where(p => !p.DryRun).All(p =>
            run.Metrics.Find(s => s.Name == p.Name) is { } s
            && s.Phase is AnalysisPhase.Running or AnalysisPhase.Successful
            && s.Successful >= 1);
    }

    // A measurement in progress is due until it finishes: every reconcile looks whether it has.
    private static DateTimeOffset DueAt(AnalysisRunStatus run, MetricPlan metric, MetricStatus status) =>
        status.InProgress is { } started ? started.StartedAt
        : status.Measurements.Count == 0 ? KubeTime.After(run.StartedAt, metric.InitialDelay) : KubeTime.After(status.Measurements[^1].At, metric.Interval);

    private static IEnumerable<(MetricPlan Plan, MetricStatus Status)> Running(AnalysisRunStatus run, AnalysisPlan plan)
    {
        if (run.Phase != AnalysisPhase.Running)
        {
            return [];
        }

        return plan.Metrics
            .Select(p => (Plan: p, Status: run.Metrics.Find(s => s.Name == p.Name)))
            .Where(p => p.Status is { Phase: AnalysisPhase.Running })
            .Select(p => (p.Plan, p.Status!));
    }

    // The plan says which metrics are dry-run: a spec change that turns dryRun on or off applies to a running analysis.
    private static AnalysisRunStatus WithVerdict(AnalysisRunStatus run, AnalysisPlan plan)
    {
        var metrics = run.Metrics.Select(m => plan.Metrics.FirstOrDefault(p => p.Name == m.Name) is { } p && (m.DryRun == true) != p.DryRun
            ? m with { DryRun = p.DryRun ? true : null }
            : m).ToList();
        var (phase, message) = RunVerdict.Decide(metrics);
        return run with { Metrics = metrics, Phase = phase, Message = Bounded.Text(message, Bounded.RunMessage) };
    }
}
