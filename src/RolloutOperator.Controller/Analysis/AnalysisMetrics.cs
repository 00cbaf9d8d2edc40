using System.Globalization;
using Prometheus;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Controller.Analysis;

/// <summary>
/// Exports analysis verdicts, which Core decides: the controller calls <see cref="Record"/> with the status it decided
/// (the Rollout still carries the previous one). Counts are taken as differences of the per-metric counters in status,
/// remembered per series, so a reconcile retried with the same status never counts a measurement twice.
/// </summary>
internal sealed class AnalysisMetrics
{
    private static readonly AnalysisPhase[] Phases = [AnalysisPhase.Successful, AnalysisPhase.Failed, AnalysisPhase.Inconclusive, AnalysisPhase.Error];

    private readonly Counter _measurements;
    private readonly Gauge _value;
    private readonly Lock _gate = new();
    private readonly Dictionary<SeriesKey, Baseline> _seen = [];

    public AnalysisMetrics(CollectorRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var factory = Metrics.WithCustomRegistry(registry);
        _measurements = factory.CreateCounter(
            "rollout_analysis_measurements_total", "Judged analysis measurements by verdict.", "namespace", "rollout", "analysis", "metric", "phase");
        _value = factory.CreateGauge(
            "rollout_analysis_metric_value", "Latest single value measured for an analysis metric.", "namespace", "rollout", "analysis", "metric");
    }

    public void Record(Rollout rollout, RolloutStatus decided)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(decided);
        var ns = rollout.Metadata.NamespaceProperty ?? "";
        var name = rollout.Metadata.Name ?? "";
        lock (_gate)
        {
            foreach (var run in decided.Analyses ?? [])
            {
                foreach (var metric in run.Metrics)
                {
                    var key = new SeriesKey(ns, name, run.Key, metric.Name);
                    var baseline = BaselineFor(key, run, rollout.Status);
                    var now = Baseline.Of(run.Revision, metric);
                    Count(key, now.Minus(baseline.Revision == run.Revision && baseline.Total <= now.Total ? baseline : Baseline.Empty(run.Revision)));
                    _seen[key] = now;
                    SetValue(key, metric);
                }
            }
        }
    }

    /// <summary>Drops a deleted Rollout's series.</summary>
    public void Forget(string @namespace, string rollout)
    {
        lock (_gate)
        {
            foreach (var key in _seen.Keys.Where(k => k.Namespace == @namespace && k.Rollout == rollout).ToList())
            {
                _seen.Remove(key);
                _value.RemoveLabelled(key.Namespace, key.Rollout, key.Analysis, key.Metric);
                foreach (var phase in Phases)
                {
                    _measurements.RemoveLabelled(key.Namespace, key.Rollout, key.Analysis, key.Metric, phase.ToString());
                }
            }
        }
    }

    // First sight of a series in this process: the previous status is the baseline, so a restart does not recount history.
    private Baseline BaselineFor(SeriesKey key, AnalysisRunStatus run, RolloutStatus? previous)
    {
        if (_seen.TryGetValue(key, out var seen))
        {
            return seen;
        }

        var earlier = previous?.Analyses?.FirstOrDefault(r => r.Key == run.Key && r.Revision == run.Revision)?.Metrics.FirstOrDefault(m => m.Name == key.Metric);
        return earlier is null ? Baseline.Empty(run.Revision) : Baseline.Of(run.Revision, earlier);
    }

    private void Count(SeriesKey key, Baseline delta)
    {
        foreach (var phase in Phases)
        {
            var increment = delta.For(phase);
            if (increment > 0)
            {
                _measurements.WithLabels(key.Namespace, key.Rollout, key.Analysis, key.Metric, phase.ToString()).Inc(increment);
            }
        }
    }

    // A list of values has no single number to show; the gauge keeps its last single value.
    private void SetValue(SeriesKey key, MetricStatus metric)
    {
        var latest = metric.Measurements.LastOrDefault(m => m.Value is not null);
        if (latest?.Value is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _value.WithLabels(key.Namespace, key.Rollout, key.Analysis, key.Metric).Set(value);
        }
    }

    private readonly record struct SeriesKey(string Namespace, string Rollout, string Analysis, string Metric);
}
