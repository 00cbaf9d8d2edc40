using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Engine;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Controller.Tests.Analysis.AnalysisFixture;

namespace RolloutOperator.Controller.Tests.Analysis;

public sealed class MeasurementServiceTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Measure_BuiltInsOfACanary_AreRenderedIntoTheQuery()
    {
        var provider = new ScriptedProvider();
        const string template = """x{ns="{{rollout.namespace}}",r="{{rollout.name}}",s="{{revision.stable}}",c="{{revision.canary}}",ss="{{service.stable}}",cs="{{service.canary}}"}""";

        var result = await MeasureOne(provider, Rollout(), Due(template));

        const string expected = """x{ns="team-a",r="checkout",s="5ab1e00000",c="c0ffee1234",ss="checkout-stable",cs="checkout-canary"}""";
        Assert.Equal(expected, Assert.Single(provider.Queries).Query);
        Assert.Equal((expected, "team-a", Now), (result.Query, provider.Queries.Single().Namespace, result.At));
        Assert.Equal(("step-2", Canary, "m"), (result.AnalysisKey, result.Revision, result.Metric));
        Assert.Equal([1.0], result.Values);
    }

    [Fact]
    public async Task Measure_BlueGreen_ServicesAreActiveAndPreview()
    {
        var provider = new ScriptedProvider();
        var rollout = Rollout(r => r.Spec.Strategy = new RolloutStrategy { BlueGreen = new BlueGreenStrategy { ActiveService = "web", PreviewService = "web-preview" } });

        await MeasureOne(provider, rollout, Due("""x{a="{{service.stable}}",b="{{service.canary}}"}"""));

        Assert.Equal("""x{a="web",b="web-preview"}""", Assert.Single(provider.Queries).Query);
    }

    [Fact]
    public async Task Measure_NoStableRevisionYet_IsErrorNamingTheVariableWithoutQuerying()
    {
        var provider = new ScriptedProvider();
        var rollout = Rollout(r => r.Status = null);

        var result = await MeasureOne(provider, rollout, Due("""x{s="{{revision.stable}}"}"""));

        Assert.Equal("query arguments: {{revision.stable}} has no value: the rollout has no stable revision yet", result.Error);
        Assert.Empty(provider.Queries);
    }

    [Theory]
    [InlineData("metadata.name", "checkout")]
    [InlineData("metadata.namespace", "team-a")]
    [InlineData("metadata.labels['team']", "payments")]
    [InlineData("metadata.annotations[\"slo/target\"]", "0.995")]
    [InlineData("spec.strategy.canary.canaryService", "checkout-canary")]
    [InlineData("spec.replicas", "5")]
    public async Task Measure_FieldRefArgument_ReadsTheRolloutField(string path, string expected)
    {
        var provider = new ScriptedProvider();

        await MeasureOne(provider, Rollout(), Due("""x{v="{{args.v}}"}""", new ArgumentPlan("v", null, null, path)));

        Assert.Equal($"x{{v=\"{expected}\"}}", Assert.Single(provider.Queries).Query);
    }

    [Theory]
    [InlineData("metadata.labels['absent']", "field metadata.labels['absent'] is not set on the rollout")]
    [InlineData("spec.strategy", "field spec.strategy is an object or list, not a single value")]
    [InlineData("status.phase", "fieldPath status.phase is not supported")]
    [InlineData("spec..x", "fieldPath spec..x is not supported")]
    public async Task Measure_BadFieldRef_IsErrorNamingTheArgument(string path, string expected)
    {
        var provider = new ScriptedProvider();

        var result = await MeasureOne(provider, Rollout(), Due("""x{v="{{args.v}}"}""", new ArgumentPlan("v", null, null, path)));

        Assert.StartsWith($"query arguments: argument \"v\": {expected}", result.Error);
        Assert.Empty(provider.Queries);
    }

    [Fact]
    public async Task Measure_LiteralArgument_IsRenderedAndAnUnusedSecretArgumentIsNeverRead()
    {
        var provider = new ScriptedProvider();
        var secrets = new InMemorySecrets();
        var unused = new ArgumentPlan("token", null, new SecretKeyRef { Name = "s", Key = "k" }, null);

        await MeasureOne(provider, Rollout(), Due("""x{service="{{args.service}}"}""", new ArgumentPlan("service", "checkout", null, null), unused), secrets);

        Assert.Equal("""x{service="checkout"}""", Assert.Single(provider.Queries).Query);
        Assert.Equal(0, secrets.Reads);
    }

    [Fact]
    public async Task Measure_SecretArgument_IsSentButMaskedInTheStoredQuery()
    {
        var provider = new ScriptedProvider();
        var secrets = new InMemorySecrets().With("team-a", "tenant", "id", "acme-42");
        var arg = new ArgumentPlan("tenant", null, new SecretKeyRef { Name = "tenant", Key = "id" }, null);

        var result = await MeasureOne(provider, Rollout(), Due("""x{tenant="{{args.tenant}}"}""", arg), secrets);

        Assert.Equal("""x{tenant="acme-42"}""", Assert.Single(provider.Queries).Query);
        Assert.Equal("""x{tenant="redacted"}""", result.Query);
    }

    [Fact]
    public async Task Measure_SecretArgumentUsedByTwoMetrics_IsReadOncePerReconcile()
    {
        var provider = new ScriptedProvider();
        var secrets = new InMemorySecrets().With("team-a", "tenant", "id", "acme");
        var arg = new ArgumentPlan("tenant", null, new SecretKeyRef { Name = "tenant", Key = "id" }, null);
        var service = Service(provider, secrets);
        IReadOnlyList<DueMeasurement> due = [Due(Metric("a", """a{t="{{args.tenant}}"}"""), arg), Due(Metric("b", """b{t="{{args.tenant}}"}"""), arg)];

        await service.MeasureAsync(Rollout(), Plan(), due, CancellationToken.None);

        Assert.Equal(1, secrets.Reads);
    }

    [Fact]
    public async Task Measure_MissingSecret_IsErrorNamingSecretAndArgument()
    {
        var provider = new ScriptedProvider();
        var arg = new ArgumentPlan("tenant", null, new SecretKeyRef { Name = "tenant", Key = "id" }, null);

        var result = await MeasureOne(provider, Rollout(), Due("""x{t="{{args.tenant}}"}""", arg));

        Assert.Equal("query arguments: argument \"tenant\": secret team-a/tenant key id: the secret does not exist", result.Error);
        Assert.Empty(provider.Queries);
    }

    [Fact]
    public async Task Measure_HostileLabelValue_StaysInsideItsString()
    {
        var provider = new ScriptedProvider();
        var hostile = new ArgumentPlan("service", "x\"} or vector(1) or up{a=\"", null, null);

        var result = await MeasureOne(provider, Rollout(), Due("""sum(rate(http_requests_total{service="{{args.service}}"}[1m]))""", hostile));

        Assert.Equal("""sum(rate(http_requests_total{service="x\"} or vector(1) or up{a=\""}[1m]))""", Assert.Single(provider.Queries).Query);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Measure_HostileValueOutsideQuotes_IsRenderErrorWithoutQuerying()
    {
        var provider = new ScriptedProvider();
        var hostile = new ArgumentPlan("window", "1m]) or vector(1", null, null);

        var result = await MeasureOne(provider, Rollout(), Due("rate(x[{{args.window}}])", hostile));

        Assert.StartsWith("query template: {{args.window}}: value is not a number, duration or identifier", result.Error);
        Assert.Empty(provider.Queries);
    }

    [Fact]
    public async Task Measure_UnknownArgument_IsRenderErrorNamingIt()
    {
        var provider = new ScriptedProvider();

        var result = await MeasureOne(provider, Rollout(), Due("""x{a="{{args.nope}}"}"""));

        Assert.Equal("query template: unknown placeholder {{args.nope}}", result.Error);
        Assert.Null(result.Query);
    }

    [Fact]
    public async Task Measure_ProviderError_IsErrorResultWithTheRenderedQuery()
    {
        var provider = new ScriptedProvider(_ => MetricQueryResult.Failed("HTTP 503"));

        var result = await MeasureOne(provider, Rollout(), Due("up"));

        Assert.Equal(("HTTP 503", "up"), (result.Error, result.Query));
        Assert.Null(result.Values);
    }

    [Fact]
    public async Task Measure_ProviderThrows_IsErrorResultNotACrash()
    {
        var provider = new ScriptedProvider(_ => throw new InvalidOperationException("bug"));

        var result = await MeasureOne(provider, Rollout(), Due("up"));

        Assert.Equal("provider failed: InvalidOperationException: bug", result.Error);
    }

    [Fact]
    public async Task Measure_ManyDue_RunsBoundedConcurrentlyOneQueryEachInOrder()
    {
        var provider = new ScriptedProvider(q => MetricQueryResult.Data([q.Query.Length]), TimeSpan.FromMilliseconds(50));
        var service = Service(provider, maxConcurrency: 3);
        var due = Enumerable.Range(1, 9).Select(i => Due(Metric($"m{i}", new string('x', i)))).ToList();

        var results = await service.MeasureAsync(Rollout(), Plan(), due, CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"m{i}"), results.Select(r => r.Metric));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => (double)i), results.Select(r => r.Values![0]));
        Assert.Equal(9, provider.Queries.Count);
        Assert.InRange(provider.MaxInFlight, 2, 3);
    }

    [Fact]
    public async Task Measure_Cancelled_ThrowsAndReturnsNoResults()
    {
        var provider = new ScriptedProvider(delay: TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service(provider).MeasureAsync(Rollout(), Plan(), [Due("up")], cancel.Token));
    }

    [Fact]
    public async Task Measure_NothingDue_ReturnsEmpty()
    {
        var results = await Service(new ScriptedProvider()).MeasureAsync(Rollout(), Plan(), [], CancellationToken.None);

        Assert.Empty(results);
    }

    private static MeasurementService Service(IMetricProvider provider, ISecretReader? secrets = null, int maxConcurrency = 4) =>
        new(provider, secrets ?? new InMemorySecrets(), new FakeTimeProvider(Now), NullLogger<MeasurementService>.Instance, maxConcurrency);

    private static async Task<Core.Analysis.MeasurementResult> MeasureOne(IMetricProvider provider, Model.Rollout rollout, DueMeasurement due, ISecretReader? secrets = null) =>
        Assert.Single(await Service(provider, secrets).MeasureAsync(rollout, Plan(), [due], CancellationToken.None));
}
