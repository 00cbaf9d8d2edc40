using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RolloutOperator.Controller.Analysis;
using RolloutOperator.Controller.Measurements;
using RolloutOperator.Controller.PrometheusProvider;
using RolloutOperator.Controller.Tests.Analysis;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Plans;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

/// <summary>
/// Provider error texts that reach status, events and logs are bounded and carry no secret value, even when
/// Prometheus echoes the query (a PromQL or regex parse error) or a proxy echoes the request.
/// </summary>
public sealed class ErrorScrubbingTests
{
    private const string Tenant = "tenant-9f3c(";
    private const string Password = "hunter2-pw";

    [Fact]
    public async Task Measure_PrometheusEchoesSecretArgumentInRegexError_StatusAndLogsAreScrubbed()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Json(400, EchoingError());
        var logs = new CapturingLogger<PrometheusMetricProvider>();
        var serviceLogs = new CapturingLogger<MeasurementService>();
        using var provider = new PrometheusMetricProvider(new PrometheusOptions(), TimeProvider.System, logs, new Random(1));
        var secrets = new InMemorySecrets().With("team-a", "tenant", "id", Tenant);
        var service = new MeasurementService(provider, secrets, new FakeTimeProvider(Now), serviceLogs);
        var arg = new ArgumentPlan("tenant", null, new SecretKeyRef { Name = "tenant", Key = "id" }, null);
        var due = AnalysisFixture.Due(AnalysisFixture.Metric("m", """x{tenant="{{args.tenant}}"}""", stub.Address.ToString()), arg);

        var result = Assert.Single(await service.MeasureAsync(AnalysisFixture.Rollout(), AnalysisFixture.Plan(), [due], CancellationToken.None));

        Assert.Contains(Tenant, Assert.Single(stub.Requests).Form["query"], StringComparison.Ordinal);
        Assert.Contains("error parsing regexp", result.Error, StringComparison.Ordinal);
        Assert.Contains(SecretScrubber.Mask, result.Error, StringComparison.Ordinal);
        AssertClean(Tenant, [result.Error!, result.Query!, .. logs.Lines, .. serviceLogs.Lines]);
    }

    [Fact]
    public async Task Query_ProxyEchoesBasicAuthInPlainBody_ErrorIsScrubbed()
    {
        await using var stub = await StubPrometheus.StartAsync();
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes($"alice:{Password}"));
        stub.Fallback = StubResponse.Json(502, $"<html>upstream refused Authorization: Basic {header} (user alice, password {Password})</html>");
        var logs = new CapturingLogger<PrometheusMetricProvider>();
        using var provider = new PrometheusMetricProvider(new PrometheusOptions { MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1) }, TimeProvider.System, logs, new Random(1));
        var secrets = new InMemorySecrets().With("team-a", "prom", "user", "alice").With("team-a", "prom", "pass", Password);
        var settings = Settings(stub.Address, s => s.Authentication = new PrometheusAuth
        {
            Basic = new BasicAuth { UsernameSecretRef = new SecretKeyRef { Name = "prom", Key = "user" }, PasswordSecretRef = new SecretKeyRef { Name = "prom", Key = "pass" } },
        });

        var result = await provider.QueryAsync(Query(settings, secrets), CancellationToken.None);

        Assert.StartsWith("HTTP 502", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
        AssertClean(Password, [result.Error!, .. logs.Lines]);
        AssertClean(header, [result.Error!, .. logs.Lines]);
    }

    [Fact]
    public async Task Query_HugeErrorBodyWithTokenPastTheCut_IsBoundedAndScrubbed()
    {
        await using var stub = await StubPrometheus.StartAsync();
        const string token = "tok-0123456789abcdef0123456789";
        stub.Fallback = StubResponse.Json(400, new string('x', 490) + token + new string('y', 200_000));
        using var provider = Provider();
        var secrets = new InMemorySecrets().With("team-a", "prom", "token", token);
        var settings = Settings(stub.Address, s => s.Authentication = new PrometheusAuth { BearerTokenSecretRef = new SecretKeyRef { Name = "prom", Key = "token" } });

        var result = await provider.QueryAsync(Query(settings, secrets), CancellationToken.None);

        Assert.InRange(result.Error!.Length, 100, SecretScrubber.MaxLength);
        Assert.DoesNotContain("tok-", result.Error, StringComparison.Ordinal);
    }

    private static void AssertClean(string secret, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    // What Prometheus answers for an invalid regex: the error quotes the regex (and the query) as written.
    private static string EchoingError() => JsonSerializer.Serialize(new
    {
        status = "error",
        errorType = "bad_data",
        error = $"invalid parameter \"query\": 1:3: parse error: error parsing regexp: missing closing ): `{Tenant}` in x{{tenant=\"{Tenant}\"}}",
    });
}
