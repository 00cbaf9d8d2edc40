using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Analysis.Metrics;

namespace RolloutOperator.Core.Tests.Analysis;

/// <summary>Replays a sequence read S(uccessful) F(ailed) I(nconclusive) E(rror), oldest first, one minute apart.</summary>
internal static class MetricReplay
{
    public static MetricStatus Replay(MetricPlan plan, string sequence, string value = "0.5")
    {
        var status = MetricEvaluator.Start(plan);
        for (var i = 0; i < sequence.Length; i++)
        {
            var phase = PhaseOf(sequence[i]);
            status = MetricEvaluator.Record(status, plan, Measured(phase, T0.AddMinutes(i), phase == AnalysisPhase.Error ? null : $"{value}-{i}"));
        }

        return status;
    }

    public static AnalysisPhase PhaseOf(char c) => c switch
    {
        'S' => AnalysisPhase.Successful,
        'F' => AnalysisPhase.Failed,
        'I' => AnalysisPhase.Inconclusive,
        _ => AnalysisPhase.Error,
    };
}
