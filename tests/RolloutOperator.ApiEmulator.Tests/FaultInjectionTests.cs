using System.Diagnostics;
using System.Net;
using k8s;
using static RolloutOperator.ApiEmulator.Tests.EmulatorHarness;

namespace RolloutOperator.ApiEmulator.Tests;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(500, HttpStatusCode.InternalServerError)]
    [InlineData(409, HttpStatusCode.Conflict)]
    public async Task InjectErrors_FullRateOnWrites_FailsWritesOnly(int code, HttpStatusCode expected)
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.InjectErrors(code, 1.0, r => r.IsWrite);

        var error = await ExpectError(() => h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", cancellationToken: Ct));
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);

        Assert.Equal(expected, error.Response.StatusCode);
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task InjectErrors_429_CarriesRetryAfter()
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.InjectErrors(429, 1.0);

        var error = await ExpectError(() => h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.Response.StatusCode);
        Assert.Equal("1", error.Response.Headers["Retry-After"].Single());
    }

    [Fact]
    public async Task InjectErrors_PartialRate_IsReproducibleForASeed()
    {
        static async Task<string> RunAsync()
        {
            await using var h = await StartAsync();
            h.Emulator.Faults.InjectErrors(500, 0.5, seed: 7);
            var outcomes = new List<char>();
            for (var i = 0; i < 20; i++)
            {
                try
                {
                    await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
                    outcomes.Add('.');
                }
                catch (k8s.Autorest.HttpOperationException)
                {
                    outcomes.Add('x');
                }
            }

            return new string(outcomes.ToArray());
        }

        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains('x', first);
        Assert.Contains('.', first);
    }

    [Fact]
    public async Task Latency_DelaysRequests_AndClearRestores()
    {
        await using var h = await StartAsync();
        h.Emulator.Faults.Latency(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
        var slow = watch.Elapsed;
        h.Emulator.Faults.Clear();
        watch.Restart();
        await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);

        Assert.True(slow >= TimeSpan.FromMilliseconds(280), $"took {slow}");
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(280), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Hold_MatchingRequests_GetNoAnswerUntilCleared()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("held"), "default", cancellationToken: Ct);
        h.Emulator.Faults.Hold(r => r.Resource == "configmaps" && r.Name == "held");

        var held = h.Client.CoreV1.ReadNamespacedConfigMapAsync("held", "default", cancellationToken: Ct);
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", cancellationToken: Ct);
        var answered = await Task.WhenAny(held, Task.Delay(TimeSpan.FromMilliseconds(500), Ct)) == held;
        h.Emulator.Faults.Clear();
        var released = await held.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Single(list.Items);
        Assert.False(answered, "a held request is not answered");
        Assert.Equal("held", released.Metadata.Name);
    }

    [Fact]
    public async Task RequestLog_RecordsVerbsAndStatusCodes()
    {
        await using var h = await StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default", fieldManager: "me", cancellationToken: Ct);
        await h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default", cancellationToken: Ct);

        var writes = h.Emulator.Requests.Writes();

        var create = Assert.Single(writes);
        Assert.Equal("create", create.Verb);
        Assert.Equal(201, create.StatusCode);
        Assert.Contains("fieldManager=me", create.Query, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(create.UserAgent));
        Assert.Single(h.Emulator.Requests.For("configmaps", "get"));
    }
}
