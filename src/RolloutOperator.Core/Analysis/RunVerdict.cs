using RolloutOperator.Core.Api;

namespace RolloutOperator.Core.Analysis;

// The run takes the worst metric verdict; its message names the metric that decided and why.
internal static class RunVerdict
{
    private static readonly AnalysisPhase[] Precedence = [AnalysisPhase.Failed, AnalysisPhase.Error, AnalysisPhase.Inconclusive];

    public static (AnalysisPhase Phase, string? Message) Decide(IReadOnlyList<MetricStatus> metrics)
    {
        if (metrics.Count == 0)
        {
            return (AnalysisPhase.Inconclusive, "analysis has no metrics; zero measurements never pass");
        }

        foreach (var phase in Precedence)
        {
            if (metrics.FirstOrDefault(m => m.Phase == phase) is { } decider)
            {
                return (phase, $"metric {decider.Name} {Verb(phase)}: {decider.Message}");
            }
        }

        if (metrics.All(m => m.Phase == AnalysisPhase.Successful))
        {
            return (AnalysisPhase.Successful, string.Join("; ", metrics.Select(m => $"metric {m.Name} successful: {m.Message}")));
        }

        var done = metrics.Count(m => m.Phase != AnalysisPhase.Running);
        return (AnalysisPhase.Running, $"{done} of {metrics.Count} metrics complete");
    }

    private static string Verb(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Failed => "failed",
        AnalysisPhase.Error => "errored",
        _ => "inconclusive",
    };
}
