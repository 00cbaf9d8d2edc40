using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

// The run takes the worst verdict of its deciding metrics; its message names the metric that decided and why.
// Dry-run metrics are measured and must complete like the others, but their verdict never decides the run.
internal static class RunVerdict
{
    private static readonly AnalysisPhase[] Precedence = [AnalysisPhase.Failed, AnalysisPhase.Error, AnalysisPhase.Inconclusive];

    public static (AnalysisPhase Phase, string? Message) Decide(IReadOnlyList<MetricStatus> metrics)
    {
        if (metrics.Count == 0)
        {
            return (AnalysisPhase.Inconclusive, "analysis has no metrics; zero measurements never pass");
        }

        var deciding = metrics.Where(m => m.DryRun != true).ToList();
        foreach (var phase in Precedence)
        {
            if (deciding.FirstOrDefault(m => m.Phase == phase) is { } decider)
            {
                return (phase, $"metric {decider.Name} {Verb(phase)}: {decider.Message}");
            }
        }

        if (metrics.Any(m => m.Phase == AnalysisPhase.Running))
        {
            var done = metrics.Count(m => m.Phase != AnalysisPhase.Running);
            return (AnalysisPhase.Running, $"{done} of {metrics.Count} metrics complete");
        }

        var verdicts = deciding.Select(m => $"metric {m.Name} successful: {m.Message}")
            .Concat(metrics.Where(m => m.DryRun == true).Select(m => $"dry-run metric {m.Name} {Verb(m.Phase)} (never decides): {m.Message}"));
        return (AnalysisPhase.Successful, string.Join("; ", verdicts));
    }

    public static string Verb(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Failed => "failed",
        AnalysisPhase.Error => "errored",
        AnalysisPhase.Successful => "successful",
        AnalysisPhase.Running => "running",
        _ => "inconclusive",
    };
}
