using Prometheus;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Status;

/// <summary>
/// Per-Rollout gauges: <c>rollout_phase</c> (1 for the current phase, 0 for the others) and <c>rollout_info</c>; also
/// feeds the analysis verdict metrics, which need the decided status next to the previous one.
/// </summary>
internal sealed class RolloutMetrics
{
    private readonly Gauge _phase;
    private readonly Gauge _info;
    private readonly AnalysisMetrics _analysis;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Namespace, string Name), string[]> _infoLabels = [];

    public RolloutMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        _phase = factory.CreateGauge("rollout_phase", "1 for the Rollout's current phase, 0 for the others.", "namespace", "rollout", "phase");
        _info = factory.CreateGauge("rollout_info", "Always 1; labels describe the Rollout's strategy and traffic router.", "namespace", "rollout", "strategy", "router");
        _analysis = new AnalysisMetrics(registry);
    }

    internal void Observe(Rollout rollout, RolloutStatus status)
    {
        var ns = rollout.Metadata.NamespaceProperty;
        var name = rollout.Metadata.Name;
        _analysis.Record(rollout, status);
        foreach (var phase in Enum.GetValues<RolloutPhase>())
        {
            _phase.WithLabels(ns, name, phase.ToString()).Set(status.Phase == phase ? 1 : 0);
        }

        string[] info = [ns, name, Strategy(rollout.Spec), Router(rollout.Spec)];
        lock (_lock)
        {
            if (_infoLabels.TryGetValue((ns, name), out var previous) && !previous.SequenceEqual(info))
            {
                _info.RemoveLabelled(previous);
            }

            _infoLabels[(ns, name)] = info;
        }

        _info.WithLabels(info).Set(1);
    }

    internal void Forget(string ns, string name)
    {
        _analysis.Forget(ns, name);
        foreach (var phase in Enum.GetValues<RolloutPhase>())
        {
            _phase.RemoveLabelled(ns, name, phase.ToString());
        }

        lock (_lock)
        {
            if (_infoLabels.Remove((ns, name), out var previous))
            {
                _info.RemoveLabelled(previous);
            }
        }
    }

    private static string Strategy(RolloutSpec spec) => spec.Strategy?.BlueGreen is not null ? "blueGreen" : "canary";

    private static string Router(RolloutSpec spec) => TrafficRouters.RouterName(spec.Strategy?.Canary?.TrafficRouting) ?? "none";
}
