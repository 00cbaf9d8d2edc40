using BenchmarkDotNet.Attributes;
using RolloutOperator.Core.Engine;

namespace RolloutOperator.Bench;

/// <summary>One reconcile's decision (<see cref="RolloutDecider.Decide"/>) in the states most Rollouts spend their time in.</summary>
[MemoryDiagnoser]
public class DeciderBenchmarks
{
    private DecisionInputs? _canaryMidStep;
    private DecisionInputs? _blueGreenAwaitingPromotion;
    private DecisionInputs? _idleHealthy;

    [GlobalSetup]
    public void Setup()
    {
        _canaryMidStep = States.CanaryMidStep();
        _blueGreenAwaitingPromotion = States.BlueGreenAwaitingPromotion();
        _idleHealthy = States.IdleHealthy();
    }

    [Benchmark]
    public Decision CanaryMidStepWithAnalysis() => Inputs(_canaryMidStep).Decide();

    [Benchmark]
    public Decision BlueGreenAwaitingPromotion() => Inputs(_blueGreenAwaitingPromotion).Decide();

    [Benchmark]
    public Decision IdleHealthy() => Inputs(_idleHealthy).Decide();

    private static DecisionInputs Inputs(DecisionInputs? inputs) =>
        inputs ?? throw new InvalidOperationException("Setup was not run");
}
