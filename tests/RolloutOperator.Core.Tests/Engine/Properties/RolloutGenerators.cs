using CsCheck;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Core.Tests.Engine.Support.Plans;

namespace RolloutOperator.Core.Tests.Engine.Properties;

public static class RolloutGenerators
{
    private static readonly Gen<CanaryStepPlan> Step = Gen.Frequency(
        (4, Gen.Int[0, 100].Select(w => (CanaryStepPlan)new SetWeightStepPlan(w))),
        (2, Gen.Int[0, 3].Select(d => (CanaryStepPlan)new PauseStepPlan(d == 0 ? null : TimeSpan.FromSeconds(d * 20)))),
        (2, Gen.Int[1, 3].Select(c => (CanaryStepPlan)AnalysisStep(Metric("m" + c, count: c)))),
        (1, Gen.Int[0, 5].Select(r => (CanaryStepPlan)new SetCanaryScaleStepPlan(r, null))));

    private static readonly Gen<StrategyPlan> Canary = Gen.Select(
        Step.Array[0, 6],
        Gen.Bool,
        Gen.Bool,
        Gen.Bool,
        (steps, routed, dynamic, background) => (StrategyPlan)(CanaryStrategy(steps) with
        {
            Routers = routed ? ["gatewayAPI"] : [],
            DynamicStableScale = routed && dynamic,
            Background = background ? AnalysisOf(Metric("bg", count: null, intervalSeconds: 15)) : null,
        }));

    private static readonly Gen<StrategyPlan> BlueGreenStrategy = Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, (pre, post, auto) =>
        (StrategyPlan)BlueGreen(pre ? AnalysisOf(Metric("pre")) : null, post ? AnalysisOf(Metric("post")) : null, auto));

    public static Gen<RolloutPlan> Plan { get; } = Gen.Select(
        Gen.Frequency((3, Canary), (1, BlueGreenStrategy)),
        Gen.Int[1, 8],
        Gen.Bool,
        Gen.Int[0, 2],
        Gen.Int[1, 5],
        (strategy, replicas, abortOnDeadline, window, deadlineMinutes) => Rollout("v1", strategy, replicas) with
        {
            ProgressDeadlineAbort = abortOnDeadline,
            RollbackWindowRevisions = window,
            ProgressDeadline = TimeSpan.FromMinutes(deadlineMinutes),
        });

    public static Gen<Op> Op(bool withPromotions) => Gen.Frequency(
        (12, Gen.Const(new Op(OpKind.Tick, 0))),
        (4, Gen.Int[1, 600].Select(s => new Op(OpKind.Wait, s))),
        (withPromotions ? 1 : 0, Gen.Const(new Op(OpKind.Promote, 0))),
        (withPromotions ? 1 : 0, Gen.Const(new Op(OpKind.PromoteFull, 0))),
        (1, Gen.Const(new Op(OpKind.Abort, 0))),
        (1, Gen.Const(new Op(OpKind.Retry, 0))),
        (1, Gen.Const(new Op(OpKind.Pause, 0))),
        (1, Gen.Const(new Op(OpKind.Resume, 0))),
        (2, Gen.Int[1, 4].Select(v => new Op(OpKind.NewRevision, v))),
        (1, Gen.Const(new Op(OpKind.ToggleCrash, 0))),
        (2, Gen.Const(new Op(OpKind.MetricsPass, 0))),
        (1, Gen.Const(new Op(OpKind.MetricsFail, 0))),
        (1, Gen.Const(new Op(OpKind.MetricsNoData, 0))),
        (1, Gen.Const(new Op(OpKind.MetricsError, 0))),
        (1, Gen.Const(new Op(OpKind.ToggleRouter, 0))));

    public static Gen<GeneratedRun> Run(bool withPromotions) =>
        Gen.Select(Plan, Op(withPromotions).Array[10, 80], (plan, ops) => new GeneratedRun(plan, ops));
}
