using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using RolloutOperator.Core.Tests.Engine.Support;

namespace RolloutOperator.Core.Tests.Engine.Properties;

/// <summary>Plays a generated run through a scenario, calling an invariant check after every decision.</summary>
public static class RunDriver
{
    public static void Play(GeneratedRun run, Action<Scenario, Decision, Op> check)
    {
        var s = new Scenario(run.Plan);
        if (run.Plan.Strategy is BlueGreenPlan)
        {
            s.Cluster.Services.Clear();
            s.Cluster.Services[ServiceRole.Active] = null;
            s.Cluster.Services[ServiceRole.Preview] = null;
        }

        var metric = (IReadOnlyList<double>?)[1.0];
        var providerDown = false;
        s.Metrics = (_, _) => providerDown ? throw new InvalidOperationException("provider down") : metric;
        foreach (var op in run.Ops)
        {
            Apply(s, op, ref metric, ref providerDown);
            var decision = s.Reconcile();
            check(s, decision, op);
        }
    }

    private static void Apply(Scenario s, Op op, ref IReadOnlyList<double>? metric, ref bool providerDown)
    {
        switch (op.Kind)
        {
            case OpKind.Tick:
                s.Advance(TimeSpan.FromSeconds(5));
                break;
            case OpKind.Wait:
                s.Advance(s.Decisions.Count > 0 && s.Last.RequeueAfter is { } r && r < TimeSpan.FromSeconds(op.Arg) ? r : TimeSpan.FromSeconds(op.Arg));
                break;
            case OpKind.Promote:
                s.Command(CommandKind.Promote);
                break;
            case OpKind.PromoteFull:
                s.Command(CommandKind.PromoteFull);
                break;
            case OpKind.Abort:
                s.Command(CommandKind.Abort);
                break;
            case OpKind.Retry:
                s.Command(CommandKind.Retry);
                break;
            case OpKind.Pause:
                s.Command(CommandKind.Pause);
                break;
            case OpKind.Resume:
                s.Command(CommandKind.Resume);
                break;
            case OpKind.NewRevision:
                s.DeployNew("v" + op.Arg);
                break;
            case OpKind.ToggleCrash:
                if (!s.Cluster.CrashLooping.Remove(s.Plan.Revision))
                {
                    s.Cluster.CrashLooping.Add(s.Plan.Revision);
                }

                break;
            case OpKind.MetricsPass:
                (metric, providerDown) = ([1.0], false);
                break;
            case OpKind.MetricsFail:
                (metric, providerDown) = ([0.1], false);
                break;
            case OpKind.MetricsNoData:
                (metric, providerDown) = ([], false);
                break;
            case OpKind.MetricsError:
                providerDown = true;
                break;
            case OpKind.ToggleRouter:
                s.Cluster.RouterObserves = !s.Cluster.RouterObserves;
                break;
        }
    }
}
