using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Core.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Controller.Tests.Analysis.AnalysisFixture;

namespace RolloutOperator.Controller.Tests.Analysis;

public sealed class SloMeasurementTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly SloPlan Slo = new(
        99, null,
        """sum(rate(x{t="{{args.tenant}}",revision="{{slo.revision}}",code=~"5.."}[{{slo.window}}]))""",
        """sum(rate(x{t="{{args.tenant}}",revision="{{slo.revision}}"}[{{slo.window}}]))""",
        6, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(50), TimeSpan.FromHours(720), StableBurnPolicy.Hold);

    private static readonly ArgumentPlan Tenant = new("tenant", null, new SecretKeyRef { Name = "tenant", Key = "id" }, null);

    private static DueMeasurement SloDue() => Due(Metric("slo", "") with { Slo = Slo, Prometheus = new PrometheusMetric { Timeout = "5s", Address = "http://prometheus.invalid:9090" } }, Tenant);

    private static MeasurementService Service(IMetricProvider provider) =>
        new(provider, new InMemorySecrets().With("team-a", "tenant", "id", "acme\"}"), new FakeTimeProvider(Now), NullLogger<MeasurementService>.Instance);

    [Fact]
    public async Task Measure_Slo_AsksCanaryAndStableOverBothWindows_EscapedWithSecretsMaskedInStatus()
    {
        var provider = new ScriptedProvider(q => MetricQueryResult.Data([q.Query.Contains(Canary, StringComparison.Ordinal) ? 0.14 : 0.001]));

        var result = Assert.Single(await Service(provider).MeasureAsync(Rollout(), Plan(), [SloDue()], CancellationToken.None));

        var queries = provider.Queries.Select(q => q.Query).ToList();
        Assert.Equal(4, queries.Count);
        Assert.Equal(2, queries.Count(q => q.Contains($"revision=\"{Canary}\"", StringComparison.Ordinal)));
        Assert.Equal(2, queries.Count(q => q.Contains($"revision=\"{Stable}\"", StringComparison.Ordinal)));
        Assert.Equal(2, queries.Count(q => q.Contains("[600s]", StringComparison.Ordinal)));
        Assert.Equal(2, queries.Count(q => q.Contains("[50s]", StringComparison.Ordinal)));
        Assert.All(queries, q => Assert.Contains("t=\"acme\\\"}\"", q, StringComparison.Ordinal));
        Assert.Contains("t=\"redacted\"", result.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", result.Query, StringComparison.Ordinal);
        Assert.Equal(new SloReading(0.14, 0.14, 0.001, 0.001, 1.0), result.Slo);
    }

    [Fact]
    public async Task Measure_SloOneQueryFails_WholeMeasurementIsAnErrorNamingIt()
    {
        var provider = new ScriptedProvider(q => q.Query.Contains(Stable, StringComparison.Ordinal) && q.Query.Contains("[50s]", StringComparison.Ordinal)
            ? MetricQueryResult.Failed("HTTP 503")
            : MetricQueryResult.Data([0.0]));

        var result = Assert.Single(await Service(provider).MeasureAsync(Rollout(), Plan(), [SloDue()], CancellationToken.None));

        Assert.Equal("stable short-window query: HTTP 503", result.Error);
        Assert.Null(result.Slo);
    }

    [Fact]
    public async Task Measure_SloWithoutStableRevision_IsAnErrorWithoutQuerying()
    {
        var provider = new ScriptedProvider();

        var result = Assert.Single(await Service(provider).MeasureAsync(Rollout(r => r.Status = new RolloutStatus { CanaryRevision = Canary }), Plan(), [SloDue()], CancellationToken.None));

        Assert.Contains("no stable revision", result.Error, StringComparison.Ordinal);
        Assert.Empty(provider.Queries);
    }

    [Fact]
    public async Task MeasureErrorBudget_RendersTheServiceQueryOverThePeriod()
    {
        var provider = new ScriptedProvider(_ => MetricQueryResult.Data([0.0005]));
        var policy = new ErrorBudgetPlan(99.9, null, """sum(rate(x{ns="{{rollout.namespace}}",code=~"5.."}[{{slo.window}}]))""", """sum(rate(x{ns="{{rollout.namespace}}"}[{{slo.window}}]))""",
            TimeSpan.FromHours(720), 25, TimeSpan.FromMinutes(5), 4, new PrometheusMetric { Timeout = "5s", Address = "http://prometheus.invalid:9090" });

        var reading = await Service(provider).MeasureErrorBudgetAsync(Rollout(), policy, Now, CancellationToken.None);

        Assert.Equal(0.0005, reading.ErrorRatio);
        Assert.Null(reading.Error);
        Assert.Contains("[2592000s]", Assert.Single(provider.Queries).Query, StringComparison.Ordinal);
        Assert.Contains("ns=\"team-a\"", reading.Query, StringComparison.Ordinal);
    }
}
