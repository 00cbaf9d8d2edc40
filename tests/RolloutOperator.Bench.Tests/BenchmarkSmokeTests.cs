using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Bench.Tests;

/// <summary>
/// Runs every benchmark's code path once, untimed, so CI proves the benchmarks still build, reach their states and
/// measure what their names say.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void Decider_CanaryMidStep_IsProgressingAtTheAnalysisStepWithTrafficRouted()
    {
        var benchmarks = new DeciderBenchmarks();
        benchmarks.Setup();

        var decision = benchmarks.CanaryMidStepWithAnalysis();

        Assert.Equal(RolloutPhase.Progressing, decision.Status.Phase);
        Assert.Equal(2, decision.Status.CurrentStepIndex);
        Assert.Equal(20, decision.Status.Traffic?.DesiredWeight);
        Assert.Equal(20, decision.Status.Traffic?.ObservedWeight);
        var step = Assert.Single(decision.Status.Analyses!, a => a.Metrics.Any(m => m.Name == "success-rate"));
        Assert.Equal(AnalysisPhase.Running, step.Phase);
        Assert.InRange(step.Metrics.Single().Measurements.Count, 2, 3);
        Assert.Contains(decision.Status.Analyses!, a => a.Metrics.Any(m => m.Name == "latency-p99"));
    }

    [Fact]
    public void Decider_BlueGreenAwaitingPromotion_StaysPausedAndActsOnNothing()
    {
        var benchmarks = new DeciderBenchmarks();
        benchmarks.Setup();

        var decision = benchmarks.BlueGreenAwaitingPromotion();

        Assert.Equal(RolloutPhase.Paused, decision.Status.Phase);
        Assert.Equal("payments-v2", decision.Status.CanaryRevision);
        Assert.Empty(decision.Actions);
    }

    [Fact]
    public void Decider_IdleHealthy_IsHealthyAndActsOnNothing()
    {
        var benchmarks = new DeciderBenchmarks();
        benchmarks.Setup();

        var decision = benchmarks.IdleHealthy();

        Assert.Equal(RolloutPhase.Healthy, decision.Status.Phase);
        Assert.Equal("checkout-v2", decision.Status.StableRevision);
        Assert.Empty(decision.Actions);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void SpecParser_CanarySample_ParsesToTheSixStepRoutedPlan()
    {
        var benchmarks = new SpecParserBenchmarks();
        benchmarks.Setup();

        var result = benchmarks.ParseCanarySample();

        Assert.Empty(result.Errors);
        var canary = Assert.IsType<CanaryPlan>(result.Plan?.Strategy);
        Assert.Equal(6, canary.Steps.Count);
        Assert.Equal("gatewayAPI", canary.Router);
        Assert.NotNull(canary.Background);
    }

    [Fact]
    public void PromQlTemplate_SuccessRate_RendersEveryPlaceholder()
    {
        var result = new PromQlTemplateBenchmarks().RenderSuccessRate();

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.DoesNotContain("{{", result.Query, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(result.Query!, "namespace=\"shop\", service=\"checkout\", revision=\"checkout-7b9c5d\""));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
