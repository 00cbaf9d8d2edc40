using RolloutOperator.Core.Api;

namespace RolloutOperator.Bench;

/// <summary>The representative reconcile inputs the decider benchmarks measure, each reached by simulating the samples.</summary>
internal static class States
{
    /// <summary>The step analysis metric of the canary sample (its gate before setWeight 50).</summary>
    public const string StepMetric = "success-rate";

    private const int AnalysisStepIndex = 2;

    /// <summary>
    /// The Gateway API canary sample at its analysis step: 20% of traffic routed to the canary, the background analysis
    /// running, and the step analysis with a few measurements taken.
    /// </summary>
    public static DecisionInputs CanaryMidStep() => Healthy(Samples.CanaryFile)
        .DeployNew("checkout-v2")
        .RunUntil(
            s => s.CurrentStepIndex == AnalysisStepIndex
                && s.Analyses?.Any(a => a.Metrics.Any(m => m.Name == StepMetric && m.Measurements.Count >= 2)) == true,
            "canary at its analysis step with two measurements")
        .Observe();

    /// <summary>The blue/green sample after its pre-promotion analysis passed, paused for a manual promotion.</summary>
    public static DecisionInputs BlueGreenAwaitingPromotion() => Healthy(Samples.BlueGreenFile)
        .DeployNew("payments-v2")
        .RunUntil(s => s.Phase == RolloutPhase.Paused, "blue/green paused before promotion")
        .Observe();

    /// <summary>The canary sample after a completed rollout whose old revision is scaled down: nothing left to do.</summary>
    public static DecisionInputs IdleHealthy() => Healthy(Samples.CanaryFile)
        .DeployNew("checkout-v2")
        .RunUntil(
            s => s.Phase == RolloutPhase.Healthy && s.StableRevision == "checkout-v2" && s.ScaleDowns is null or [],
            "second revision promoted and the first scaled down")
        .Observe();

    private static Simulation Healthy(string file) =>
        new Simulation(Samples.Plan(file)).RunUntil(s => s.Phase == RolloutPhase.Healthy, "first revision healthy");
}
