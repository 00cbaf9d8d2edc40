using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Bench;

/// <summary>
/// Drives the decider the way the controller does (observe, measure, decide, act) on a fake clock, so each benchmark
/// state is one the engine really reaches rather than a hand-built status.
/// </summary>
internal sealed class Simulation(RolloutPlan plan)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);
    private readonly SimulatedWorld _world = new(plan.Strategy is BlueGreenPlan
        ? [ServiceRole.Active, ServiceRole.Preview]
        : [ServiceRole.Stable, ServiceRole.Canary]);

    private long _generation = 1;

    public RolloutPlan Plan { get; private set; } = plan;

    public RolloutStatus Status { get; private set; } = new();

    public DateTimeOffset Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The inputs of the next reconcile, as the controller would assemble them now.</summary>
    public DecisionInputs Observe() => new(Plan, Status, new RolloutObservation(
        Now, _generation, _world.Revisions(), _world.Traffic(), _world.Services(), Measure(), []));

    /// <summary>Reconciles every tick until <paramref name="done"/> holds for the current status.</summary>
    public Simulation RunUntil(Func<RolloutStatus, bool> done, string what)
    {
        for (var i = 0; i < 500; i++)
        {
            var decision = Observe().Decide();
            _world.Apply(decision.Actions, Now);
            Status = decision.Status;
            if (done(Status))
            {
                return this;
            }

            Now += Tick;
        }

        throw new InvalidOperationException($"not reached: {what}; phase {Status.Phase}: {Status.Message}");
    }

    /// <summary>A new pod template: the next revision starts rolling out.</summary>
    public Simulation DeployNew(string revision)
    {
        Plan = Plan with { Revision = revision };
        _generation++;
        return this;
    }

    // Every due metric answers a healthy value for its kind, so analyses pass.
    private List<MeasurementResult> Measure() =>
        [.. AnalysisScheduler.DueMeasurements(Plan, Status, Now).Select(due => new MeasurementResult(
            due.AnalysisKey, due.Revision, due.Metric.Name, Now, [HealthyValue(due.Metric.Name)], null, due.Metric.Prometheus?.Query))];

    private static double HealthyValue(string metric) =>
        metric.Contains("latency", StringComparison.Ordinal) ? 0.2
        : metric.Contains("error", StringComparison.Ordinal) ? 0.001
        : 0.999;
}
