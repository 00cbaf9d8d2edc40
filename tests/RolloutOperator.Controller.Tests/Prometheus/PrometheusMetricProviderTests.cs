using RolloutOperator.Core.Api;
using static RolloutOperator.Controller.Tests.PrometheusProvider.ProviderFixture;

namespace RolloutOperator.Controller.Tests.PrometheusProvider;

public sealed class PrometheusMetricProviderTests
{
    [Fact]
    public async Task Query_InstantVector_ReturnsOneValuePerSeriesFromOneRequest()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(200, PrometheusBodies.Vector(0.5, 0.75)));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address), query: "sum(up)"), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal([0.5, 0.75], result.Values);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("POST", "/api/v1/query"), (request.Method, request.Path));
        Assert.Equal("sum(up)", request.Form["query"]);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Form["time"]);
        Assert.Equal("5s", request.Form["timeout"]);
    }

    [Fact]
    public async Task Query_Scalar_ReturnsItsValue()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(200, PrometheusBodies.Scalar(0.99)));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.Equal([0.99], result.Values);
    }

    [Fact]
    public async Task Query_RangeSet_UsesQueryRangeOverTheTrailingWindowAndReturnsEverySample()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(200, PrometheusBodies.Matrix([0.1, 0.2], [0.3])));
        using var provider = Provider();
        var settings = Settings(stub.Address, s => s.Range = new PrometheusRange { Window = "5m", Step = "30s" });

        var result = await provider.QueryAsync(Query(settings), CancellationToken.None);

        Assert.Equal([0.1, 0.2, 0.3], result.Values);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("/api/v1/query_range", request.Path);
        Assert.Equal((Now.ToUnixTimeSeconds() - 300).ToString(System.Globalization.CultureInfo.InvariantCulture), request.Form["start"]);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Form["end"]);
        Assert.Equal("30s", request.Form["step"]);
    }

    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]},{"metric":{},"value":[1,"NaN"]}]}}""")]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1,"NaN"]}}""")]
    public async Task Query_EmptyOrAllNaN_IsNoDataNeverANumber(string body)
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(200, body));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Empty(result.Values);
    }

    [Theory]
    [InlineData(400, "bad_data", "HTTP 400")]
    [InlineData(422, "execution", "HTTP 422")]
    [InlineData(500, "internal", "HTTP 500")]
    public async Task Query_HttpErrorWithErrorBody_IsErrorKeepingTheReasonWithoutRetry(int status, string errorType, string expected)
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Json(status, PrometheusBodies.Error(errorType, "parse error at char 3"));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.Empty(result.Values);
        Assert.StartsWith(expected, result.Error);
        Assert.Contains($"{errorType}: parse error at char 3", result.Error);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Query_StatusErrorWith200_IsErrorWithTypeAndMessage()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(200, PrometheusBodies.Error("timeout", "query timed out in expression evaluation")));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.Equal("prometheus error: timeout: query timed out in expression evaluation", result.Error);
    }

    [Theory]
    [InlineData("<html>oops</html>")]
    [InlineData("""{"status":"success"}""")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{}}]}}""")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"abc"]}]}}""")]
    public async Task Query_MalformedBody_IsError(string body)
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(200, body));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.StartsWith("malformed response from Prometheus", result.Error);
    }

    [Fact]
    public async Task Query_SlowerThanMetricTimeout_IsTimeoutErrorWithinTheBudget()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Slow(TimeSpan.FromSeconds(10));
        using var provider = Provider();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await provider.QueryAsync(Query(Settings(stub.Address, s => s.Timeout = "300ms")), CancellationToken.None);

        Assert.Contains("timed out after 300ms", result.Error);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Query_CallerCancels_ThrowsAndYieldsNoResult()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Slow(TimeSpan.FromSeconds(10));
        using var provider = Provider();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.QueryAsync(Query(Settings(stub.Address)), cancel.Token));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Query_TransientStatusThenSuccess_RetriesWithinOneMeasurement(int status)
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Enqueue(StubResponse.Json(status, "upstream down"), StubResponse.Json(200, PrometheusBodies.Vector(0.9)));
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.Equal([0.9], result.Values);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Query_TransientFailuresBeyondRetries_IsErrorAfterThreeAttempts()
    {
        await using var stub = await StubPrometheus.StartAsync();
        stub.Fallback = StubResponse.Json(503, "");
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(stub.Address)), CancellationToken.None);

        Assert.StartsWith("HTTP 503", result.Error);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Query_ConnectionRefused_IsErrorNamingTheAddress()
    {
        var closed = FreePort.Uri();
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(closed)), CancellationToken.None);

        Assert.StartsWith($"request to {closed.GetLeftPart(UriPartial.Authority)}", result.Error);
    }

    [Fact]
    public async Task Query_NoAddressAndNoDefault_IsError()
    {
        using var provider = Provider();

        var result = await provider.QueryAsync(Query(Settings(null)), CancellationToken.None);

        Assert.StartsWith("no Prometheus address configured", result.Error);
    }

    [Fact]
    public async Task Query_NoMetricAddress_UsesTheDefaultWithItsPathPrefix()
    {
        await using var stub = await StubPrometheus.StartAsync();
        using var provider = Provider(new Uri(stub.Address, "/prom"));

        var result = await provider.QueryAsync(Query(Settings(null)), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("/prom/api/v1/query", Assert.Single(stub.Requests).Path);
    }
}
