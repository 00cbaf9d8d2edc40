using System.Text;
using Prometheus;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Core.Api;
using static RolloutOperator.Controller.Tests.Analysis.AnalysisFixture;

namespace RolloutOperator.Controller.Tests.Analysis;

public sealed class AnalysisMetricsTests
{
    private readonly CollectorRegistry _registry = Metrics.NewCustomRegistry();

    [Fact]
    public async Task Record_NewVerdicts_CountsThemAndSetsTheLatestValue()
    {
        var metrics = new AnalysisMetrics(_registry);

        metrics.Record(Rollout(r => r.Status = null), Status(Metric(successful: 2, failed: 1, lastValue: "0.97")));

        var text = await Exposition();
        Assert.Contains("""rollout_analysis_measurements_total{namespace="team-a",rollout="checkout",analysis="step-2",metric="success-rate",phase="Successful"} 2""", text);
        Assert.Contains("""rollout_analysis_measurements_total{namespace="team-a",rollout="checkout",analysis="step-2",metric="success-rate",phase="Failed"} 1""", text);
        Assert.Contains("""rollout_analysis_metric_value{namespace="team-a",rollout="checkout",analysis="step-2",metric="success-rate"} 0.97""", text);
    }

    [Fact]
    public async Task Record_SameStatusTwice_CountsOnce()
    {
        var metrics = new AnalysisMetrics(_registry);
        var rollout = Rollout(r => r.Status = null);
        var status = Status(Metric(successful: 1));

        metrics.Record(rollout, status);
        metrics.Record(rollout, status);
        metrics.Record(rollout, Status(Metric(successful: 2)));

        Assert.Contains("""phase="Successful"} 2""", await Exposition());
    }

    [Fact]
    public async Task Record_FirstSightAfterRestart_CountsOnlyWhatIsNewSinceThePreviousStatus()
    {
        var metrics = new AnalysisMetrics(_registry);
        var rollout = Rollout(r => r.Status = Status(Metric(successful: 5)));

        metrics.Record(rollout, Status(Metric(successful: 6)));

        Assert.Contains("""phase="Successful"} 1""", await Exposition());
    }

    [Fact]
    public async Task Forget_RemovesTheRolloutsSeries()
    {
        var metrics = new AnalysisMetrics(_registry);
        metrics.Record(Rollout(r => r.Status = null), Status(Metric(successful: 1, lastValue: "1")));

        metrics.Forget("team-a", "checkout");

        Assert.DoesNotContain("rollout=\"checkout\"", await Exposition());
    }

    private static RolloutStatus Status(MetricStatus metric) => new()
    {
        StableRevision = Stable,
        CanaryRevision = Canary,
        Analyses = [new AnalysisRunStatus { Key = "step-2", Revision = Canary, Phase = AnalysisPhase.Running, Metrics = [metric] }],
    };

    private static MetricStatus Metric(int successful = 0, int failed = 0, string? lastValue = null) => new()
    {
        Name = "success-rate",
        Phase = AnalysisPhase.Running,
        Successful = successful,
        Failed = failed,
        Measurements = lastValue is null ? [] : [new Measurement { Phase = AnalysisPhase.Successful, At = DateTimeOffset.UnixEpoch, Value = lastValue }],
    };

    private async Task<string> Exposition()
    {
        using var stream = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
