using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;

namespace RolloutOperator.Core.Tests.Engine.Support;

/// <summary>
/// Runs the decider the way the controller does — observe, decide, act, write status — against a simulated cluster,
/// advancing a fake clock to each requested wake-up.
/// </summary>
public sealed class Scenario
{
    // Like the annotation channel, only the latest command is visible.
    private readonly List<UserCommand> _commands = [];
    private int _commandIds;

    public Scenario(RolloutPlan plan)
    {
        Plan = plan;
    }

    public RolloutPlan Plan { get; set; }

    public RolloutStatus Status { get; private set; } = new();

    public SimulatedCluster Cluster { get; } = new();

    public DateTimeOffset Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public long Generation { get; set; } = 1;

    /// <summary>Answers due metrics: (metric name, revision) → values, or throws to simulate a provider error.</summary>
    public Func<string, string, IReadOnlyList<double>?> Metrics { get; set; } = (_, _) => [1.0];

    public IReadOnlyList<ServiceRole> MissingServices { get; set; } = [];

    /// <summary>What a judge metric observes (metric, revision); null is no data.</summary>
    public Func<string, string, JudgeObservation?> Judges { get; set; } = (_, _) => null;

    /// <summary>Answers a due error-budget measurement with the service's error ratio (NaN: no data), or throws for a provider error.</summary>
    public Func<double> ErrorRatio { get; set; } = () => 0;

    /// <summary>Answers a due webhook gate: true passes (2xx). Every call is recorded in <see cref="GateCalls"/>.</summary>
    public Func<DueGate, bool> Webhooks { get; set; } = _ => true;

    public List<(DateTimeOffset At, DueGate Due)> GateCalls { get; } = [];

    public List<Decision> Decisions { get; } = [];

    public List<RolloutObservation> Observations { get; } = [];

    public List<RolloutEvent> Events { get; } = [];

    public List<RolloutStatus> History { get; } = [];

    public Decision Last => Decisions[^1];

    public void Command(CommandKind kind, string? revision = null) =>
        _commands.Add(new UserCommand(kind, revision ?? Plan.Revision, $"cmd-{++_commandIds}"));

    public Decision Reconcile()
    {
        var measurements = Measure();
        var observation = new RolloutObservation(
            Now,
            Generation,
            Cluster.Observe(Now),
            Cluster.Traffic(),
            new Dictionary<ServiceRole, string?>(Cluster.Services),
            measurements,
            _commands.Count == 0 ? [] : [_commands[^1]])
        {
            MissingServices = MissingServices,
            Baselines = Cluster.ObserveBaselines(),
            ErrorBudget = MeasureErrorBudget(),
            GateResults = CallGates(),
        };
        Observations.Add(observation);
        var decision = RolloutDecider.Decide(Plan, Status, observation);
        Cluster.Apply(decision.Actions, Now);
        Status = decision.Status;
        Decisions.Add(decision);
        Events.AddRange(decision.Events);
        History.Add(decision.Status);
        return decision;
    }

    private List<MeasurementResult> Measure()
    {
        var results = new List<MeasurementResult>();
        foreach (var due in AnalysisScheduler.DueMeasurements(Plan, Status, Now))
        {
            try
            {
                results.Add(new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, Now, Metrics(due.Metric.Name, due.Revision), null, due.Metric.Prometheus.Query)
                {
                    Judge = due.Metric.Judge is null ? null : Judges(due.Metric.Name, due.Revision),
                });
            }
            catch (InvalidOperationException e)
            {
                results.Add(new MeasurementResult(due.AnalysisKey, due.Revision, due.Metric.Name, Now, null, e.Message, due.Metric.Prometheus.Query));
            }
        }

        return results;
    }

    private List<GateResult> CallGates()
    {
        var results = new List<GateResult>();
        foreach (var due in GateScheduler.Due(Plan, Status, Now))
        {
            GateCalls.Add((Now, due));
            var passed = Webhooks(due);
            results.Add(new GateResult(due.Gate.Name, due.Gate.Revision, due.Gate.Scope, passed, passed ? 200 : 412, passed ? "HTTP 200" : "HTTP 412 not yet", Now));
        }

        return results;
    }

    private ErrorBudgetReading? MeasureErrorBudget()
    {
        if (!ErrorBudgetSchedule.IsDue(Plan, Status, Now))
        {
            return null;
        }

        try
        {
            return new ErrorBudgetReading(Now, ErrorRatio(), null, "budget");
        }
        catch (InvalidOperationException e)
        {
            return new ErrorBudgetReading(Now, double.NaN, e.Message, "budget");
        }
    }

    public void Advance(TimeSpan by) => Now += by;

    /// <summary>Reconciles until the predicate holds, moving the clock to the requested requeue (or by a tick, as a watch event would).</summary>
    public void RunUntil(Func<Scenario, bool> done, int maxReconciles = 200, TimeSpan? tick = null)
    {
        for (var i = 0; i < maxReconciles; i++)
        {
            var decision = Reconcile();
            if (done(this))
            {
                return;
            }

            var step = tick ?? TimeSpan.FromSeconds(5);
            Advance(decision.RequeueAfter is { } requeue && requeue < step ? Max(requeue, TimeSpan.FromSeconds(1)) : step);
        }

        Assert.Fail($"not reached after {maxReconciles} reconciles; phase {Status.Phase}: {Status.Message}");
    }

    public void RunFor(TimeSpan duration, TimeSpan? tick = null)
    {
        var end = Now + duration;
        while (Now < end)
        {
            Reconcile();
            Advance(tick ?? TimeSpan.FromSeconds(5));
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public bool IsHealthy => Status.Phase == RolloutPhase.Healthy;

    public Condition Condition(string type) => Status.Conditions!.Single(c => c.Type == type);

    public void DeployNew(string revision)
    {
        Plan = Plan with { Revision = revision };
        Generation++;
    }
}
