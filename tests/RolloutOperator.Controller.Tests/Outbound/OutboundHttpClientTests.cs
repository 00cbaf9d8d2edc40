using RolloutOperator.Controller.Outbound;
using RolloutOperator.Controller.Tests.PrometheusProvider;
using RolloutOperator.Core.Api;
using RolloutOperator.Core.Parsing;
using RolloutOperator.Testing;

namespace RolloutOperator.Controller.Tests.Outbound;

/// <summary>The operator's rules for every address a namespaced object names, checked against a real local endpoint.</summary>
public sealed class OutboundHttpClientTests
{
    [Fact]
    public async Task Send_HostOutsideAllowList_IsRefusedAndNeverConnects()
    {
        using var listener = new ConnectionRecorder();
        using var client = Client(o => o.AllowedHosts = Hosts("hooks.example"));

        var response = await client.SendAsync(new OutboundRequest(new Uri(listener.Address, "gate"), "team"), CancellationToken.None);

        Assert.False(response.IsSuccess);
        Assert.Contains("--outbound-allowed-hosts; it was not contacted", response.Error, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task Send_Redirect_IsNotFollowed()
    {
        using var listener = new ConnectionRecorder();
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(307) { Location = listener.Address.ToString() };
        using var client = Client();

        var response = await client.SendAsync(new OutboundRequest(receiver.Url("gate"), "team"), CancellationToken.None);

        Assert.Equal(307, response.StatusCode);
        Assert.False(response.IsSuccess);
        await Task.Delay(200);
        Assert.Equal(0, listener.Connections);
    }

    [Fact]
    public async Task Send_SecretHeader_IsSentFromTheRequestNamespaceAndScrubbedFromErrors()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(403, "bad token s3cret-value");
        var secrets = new InMemorySecrets().With("team", "hook", "token", "s3cret-value");
        using var client = Client(secrets: secrets);
        var request = new OutboundRequest(receiver.Url("gate"), "team")
        {
            Body = "{\"a\":1}",
            Headers = [new OutboundHeader { Name = "Authorization", SecretKeyRef = new SecretKeyRef { Name = "hook", Key = "token" } }],
        };

        var response = await client.SendAsync(request, CancellationToken.None);

        var received = Assert.Single(receiver.Requests);
        Assert.Equal("s3cret-value", received.Headers["Authorization"]);
        Assert.Equal("{\"a\":1}", received.Body);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("HTTP 403 Forbidden: bad token ***", response.Error);
    }

    [Fact]
    public async Task Send_SecretInAnotherNamespace_IsNeverRead()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var secrets = new InMemorySecrets().With("operator", "hook", "token", "x");
        using var client = Client(secrets: secrets);
        var request = new OutboundRequest(receiver.Url("gate"), "team")
        {
            Headers = [new OutboundHeader { Name = "X-Token", SecretKeyRef = new SecretKeyRef { Name = "hook", Key = "token" } }],
        };

        var response = await client.SendAsync(request, CancellationToken.None);

        Assert.Contains("secret team/hook", response.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Send_BodyOverTheLimit_IsAnError()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(200, new string('x', 5000));
        using var client = Client(o => o.MaxResponseBytes = 1024);

        var response = await client.SendAsync(new OutboundRequest(receiver.Url("gate"), "team"), CancellationToken.None);

        Assert.False(response.IsSuccess);
        Assert.Contains("larger than 1024 bytes", response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SlowEndpoint_TimesOutWithinTheRequestTimeout()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = _ => new ReceiverAnswer(200) { Delay = TimeSpan.FromSeconds(30) };
        using var client = Client();

        var response = await client.SendAsync(new OutboundRequest(receiver.Url("gate"), "team") { Timeout = TimeSpan.FromMilliseconds(300) }, CancellationToken.None);

        Assert.Null(response.StatusCode);
        Assert.Contains("timed out after", response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TransientThenOk_RetriesWithinOneCall()
    {
        await using var receiver = await HttpReceiver.StartAsync();
        var calls = 0;
        receiver.Answer = _ => new ReceiverAnswer(Interlocked.Increment(ref calls) == 1 ? 503 : 204);
        using var client = Client(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(10));

        var response = await client.SendAsync(new OutboundRequest(receiver.Url("gate"), "team"), CancellationToken.None);

        Assert.True(response.IsSuccess);
        Assert.Equal(2, response.Attempts);
    }

    private static OutboundHttpClient Client(Action<OutboundOptions>? configure = null, InMemorySecrets? secrets = null)
    {
        var options = new OutboundOptions();
        configure?.Invoke(options);
        return new OutboundHttpClient(options, secrets ?? new InMemorySecrets(), TimeProvider.System, new Random(1));
    }

    private static HostAllowList Hosts(string text)
    {
        Assert.True(HostAllowList.TryParse(text, out var list, out var error), error);
        return list;
    }
}
