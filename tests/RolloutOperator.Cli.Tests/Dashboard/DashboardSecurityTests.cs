using System.Net;
using System.Text.Json;
using RolloutOperator.Cli.Commands;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Dashboard;

/// <summary>
/// The dashboard writes with the user's credentials: only its own pages may make it write. Host, Origin and the
/// per-process token are each required; a refused request changes nothing in the cluster.
/// </summary>
public sealed class DashboardSecurityTests
{
    private static readonly string V2 = TestRollouts.CanaryRevision;

    [Fact]
    public async Task Server_ListensOn127001Only()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        Assert.Equal("127.0.0.1", run.Server.Address.Host);
    }

    [Fact]
    public async Task Post_WithoutTheToken_IsRefused_AndWritesNothing()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        var response = await http.SendAsync(Abort(run, token: null, origin: Origin(run)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("anti-forgery token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoCommandAsync(run);
    }

    [Fact]
    public async Task Post_WithAWrongToken_IsRefused_AndWritesNothing()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        var response = await http.SendAsync(Abort(run, token: run.Server.Token[..^2] + "xx", origin: Origin(run)));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNoCommandAsync(run);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("")]
    public async Task Post_FromAnotherOrigin_IsRefused_EvenWithTheToken(string origin)
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        var response = await http.SendAsync(Abort(run, run.Server.Token, origin));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNoCommandAsync(run);
    }

    [Fact]
    public async Task Request_NamingAnotherHost_IsRefused()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, run.Url("/"));
        request.Headers.Host = "rebound.example:" + run.Server.Address.Port;
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task ConfirmedPost_WithTokenAndOrigin_SendsTheCommandForTheConfirmedRevision()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await http.SendAsync(Abort(run, run.Server.Token, Origin(run)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var command = await CommandAsync(run);
        Assert.NotNull(command);
        Assert.Equal("abort", command.Value.GetProperty("action").GetString());
        Assert.Equal(V2, command.Value.GetProperty("revision").GetString());
    }

    [Fact]
    public async Task ConfirmedPost_ForARevisionNoLongerRolledOut_WritesNothing()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        var response = await http.SendAsync(Abort(run, run.Server.Token, Origin(run), revision: "5d8f7c9b6"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"now applies to revision {V2}, not 5d8f7c9b6", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNoCommandAsync(run);
    }

    [Fact]
    public async Task UnconfirmedPost_AnswersWithAConfirmationNamingTheRevision_AndWritesNothing()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        var response = await http.SendAsync(Abort(run, run.Server.Token, Origin(run), confirmed: false));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Abort revision {V2} of default/web?", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNoCommandAsync(run);
    }

    [Fact]
    public async Task Plan_LargerThanTheBound_IsRefused()
    {
        await using var run = await ArrangeAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, run.Url("/plan"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = run.Server.Token, ["manifest"] = new string('a', 600 * 1024) }),
        };
        request.Headers.Add("Origin", Origin(run));
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Pages_EscapeWhatTheClusterSays()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep() with { Message = "<script>alert(1)</script>" });
        using var http = new HttpClient();
        var html = await http.GetStringAsync(run.Url("/rollouts/default/web"));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)", html, StringComparison.Ordinal);
    }

    private static async Task<DashboardRun> ArrangeAsync()
    {
        var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());
        // The dashboard reads its watch cache: wait until the status has arrived there.
        using var http = new HttpClient();
        for (var i = 0; i < 100 && !(await http.GetStringAsync(run.Url("/rollouts/default/web"))).Contains(V2, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        return run;
    }

    private static string Origin(DashboardRun run) => $"http://127.0.0.1:{run.Server.Address.Port}";

    private static HttpRequestMessage Abort(DashboardRun run, string? token, string origin, string? revision = null, bool confirmed = true)
    {
        var form = new Dictionary<string, string> { ["revision"] = revision ?? V2 };
        if (token is not null)
        {
            form["token"] = token;
        }

        if (confirmed)
        {
            form["confirmed"] = "yes";
        }

        var request = new HttpRequestMessage(HttpMethod.Post, run.Url("/rollouts/default/web/actions/abort")) { Content = new FormUrlEncodedContent(form) };
        if (origin.Length > 0)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private static async Task<JsonElement?> CommandAsync(DashboardRun run)
    {
        var rollout = await run.Cluster.GetRolloutAsync("web");
        return rollout.Metadata.Annotations is { } annotations && annotations.TryGetValue(CommandChannel.Annotation, out var json)
            ? JsonDocument.Parse(json).RootElement.Clone()
            : null;
    }

    private static async Task AssertNoCommandAsync(DashboardRun run)
    {
        Assert.Null(await CommandAsync(run));
        Assert.DoesNotContain(run.DashboardRequests(), r => r.IsWrite);
    }
}
