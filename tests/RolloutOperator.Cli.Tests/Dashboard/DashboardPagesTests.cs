using System.Net;
using RolloutOperator.Cli.Tests.Support;
using RolloutOperator.Core.Api;

namespace RolloutOperator.Cli.Tests.Dashboard;

/// <summary>The dashboard command and its pages over plain HTTP: scope, filters, spec-edit actions through the CLI's code.</summary>
public sealed class DashboardPagesTests
{
    [Fact]
    public async Task Command_ServesOnLoopback_AndEndsCleanlyWhenInterrupted()
    {
        await using var cluster = await ClusterHarness.StartAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4));

        var result = await cluster.RunAsync(["dashboard", "--port", "0"], null, stop.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Dashboard of namespace default at http://127.0.0.1:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_RefusesAPortOutOfRange()
    {
        var result = await CliRun.RunAsync(["dashboard", "--port", "70000"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--port must be between 0 and 65535", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllNamespaces_ListsEveryNamespace_AndFiltersByNamespaceAndSearch()
    {
        await using var run = await DashboardRun.StartScopedAsync(null, withOperator: false, []);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary("web"), TestStatuses.Healthy());
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary("api"), TestStatuses.Healthy(), ns: "kube-public");
        using var http = new HttpClient();
        var all = await EventuallyAsync(http, run.Url("/"), "kube-public/api");

        Assert.Contains("data-rollout=\"default/web\"", all, StringComparison.Ordinal);
        var scoped = await http.GetStringAsync(run.Url("/?ns=kube-public"));
        Assert.Contains("data-rollout=\"kube-public/api\"", scoped, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rollout=\"default/web\"", scoped, StringComparison.Ordinal);
        var searched = await http.GetStringAsync(run.Url("/?q=WEB"));
        Assert.Contains("data-rollout=\"default/web\"", searched, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rollout=\"kube-public/api\"", searched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamespaceScope_HidesRolloutsOfOtherNamespaces_EvenByUrl()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary("api"), TestStatuses.Healthy(), ns: "kube-public");
        using var http = new HttpClient();

        var response = await http.GetAsync(run.Url("/rollouts/kube-public/api"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("kube-public", await http.GetStringAsync(run.Url("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_ConfirmationCarriesTheCliWarning_AboutFieldsKeptInGit()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(image: TestRollouts.StableImage), TestStatuses.Healthy());
        using var http = new HttpClient();
        await EventuallyAsync(http, run.Url("/rollouts/default/web"), "title=\"Restart revision ");

        var response = await http.SendAsync(Post(run, "restart", TestRollouts.StableRevision, confirmed: false));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Restart default/web (now revision {TestRollouts.StableRevision})?", html, StringComparison.Ordinal);
        Assert.Contains("a field you may keep in Git; with GitOps, change Git instead", html, StringComparison.Ordinal);
        Assert.DoesNotContain(run.DashboardRequests(), r => r.IsWrite);
    }

    [Fact]
    public async Task Undo_Confirmed_SetsTheTemplateBackToTheStableRevision()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRevisionDeploymentAsync("web", TestRollouts.StableRevision, TestRollouts.StableImage, 4);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await EventuallyAsync(http, run.Url("/rollouts/default/web"), $"web-{TestRollouts.StableRevision}");

        var response = await http.SendAsync(Post(run, "undo", TestRollouts.StableRevision, confirmed: true));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var rollout = await run.Cluster.GetRolloutAsync("web");
        Assert.Equal(TestRollouts.StableRevision, Core.Parsing.RevisionHash.Compute(rollout.Spec.Template!));
    }

    [Fact]
    public async Task AnalysisPage_DrawsAJudgesCanaryAndControlDistributions_PerJudgedMetric()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Judged());
        using var http = new HttpClient();

        var html = WebUtility.HtmlDecode(await EventuallyAsync(http, run.Url("/rollouts/default/web/analysis"), "data-judge-metric="));

        Assert.Contains($"Judge score 33.33 (pass 95, marginal 75) against control {TestRollouts.StableRevision}", html, StringComparison.Ordinal);
        var latency = Between(html, "data-judge-metric=\"mean-latency\"", "</svg>");
        Assert.Contains("data-classification=\"High\"", latency, StringComparison.Ordinal);
        Assert.Contains("mean-latency: High · p 3.4E-05 · change 1.002 · samples 20 canary / 19 control · weight 2", latency, StringComparison.Ordinal);
        Assert.Contains(">canary</text>", latency, StringComparison.Ordinal);
        Assert.Contains(">20 samples</text>", latency, StringComparison.Ordinal);
        Assert.Contains($">control: {TestRollouts.StableRevision}</text>", latency, StringComparison.Ordinal);
        Assert.Contains(">19 samples</text>", latency, StringComparison.Ordinal);
        Assert.Contains("<desc id=", latency, StringComparison.Ordinal);
        Assert.Contains("Canary, 20 samples: p10 0.017, p25 0.0185, median 0.02, p75 0.0215, p90 0.024.", latency, StringComparison.Ordinal);
        Assert.Contains("p10 0.0091, p25 0.0095, median 0.01, p75 0.0105, p90 0.011", latency, StringComparison.Ordinal);
        Assert.Equal(2, Count(latency, "<rect class=\"box\""));
        Assert.Contains("<path d=\"M", Between(latency, "judge-verdict judge-high", "</g>"), StringComparison.Ordinal);
        var errors = Between(html, "data-judge-metric=\"error-ratio\"", "</svg>");
        Assert.Contains("data-classification=\"Pass\"", errors, StringComparison.Ordinal);
        Assert.Contains("<circle", Between(errors, "judge-verdict judge-pass", "</g>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisPage_JudgedMetricWithoutDistributions_SaysSoInsteadOfDrawingBoxes()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        var status = TestStatuses.Judged();
        var metric = status.Analyses![0].Metrics[0];
        var judge = metric.Judge! with
        {
            Metrics = [new JudgeMetricStatus { Name = "thin", Classification = JudgeClassification.NoData, Weight = 1, CanarySamples = 3, Message = "too few samples" }],
        };
        status = status with { Analyses = [status.Analyses[0] with { Metrics = [metric with { Judge = judge }] }] };
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), status);
        using var http = new HttpClient();

        var html = WebUtility.HtmlDecode(await EventuallyAsync(http, run.Url("/rollouts/default/web/analysis"), "data-judge-metric="));

        var thin = Between(html, "data-judge-metric=\"thin\"", "</svg>");
        Assert.Contains("data-classification=\"NoData\"", thin, StringComparison.Ordinal);
        Assert.Contains("thin: NoData · p – · change – · samples 3 canary / 0 control", thin, StringComparison.Ordinal);
        Assert.Equal(2, Count(thin, ">no distribution</text>"));
        Assert.DoesNotContain("class=\"box\"", thin, StringComparison.Ordinal);
        Assert.Contains("<rect class=\"hollow\"", thin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisPage_JudgeWithExtremeNumbers_StillRenders()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        var status = TestStatuses.Judged();
        var metric = status.Analyses![0].Metrics[0];
        var huge = new JudgeDistribution { P10 = 1e20, P25 = 1e20, P50 = 1e20, P75 = 1e20, P90 = 1e20 + 16384 };
        var judge = metric.Judge! with { Metrics = [metric.Judge.Metrics[0] with { CanaryDistribution = huge, ControlDistribution = huge }] };
        status = status with { Analyses = [status.Analyses[0] with { Metrics = [metric with { Judge = judge }] }] };
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), status);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        var html = await EventuallyAsync(http, run.Url("/rollouts/default/web/analysis"), "data-judge-metric=");

        Assert.Equal(2, Count(Between(html, "data-judge-metric=\"mean-latency\"", "</svg>"), "<rect class=\"box\""));
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"missing {start}");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..(to < 0 ? text.Length : to)];
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static HttpRequestMessage Post(DashboardRun run, string action, string revision, bool confirmed)
    {
        var form = new Dictionary<string, string> { ["token"] = run.Server.Token, ["revision"] = revision };
        if (confirmed)
        {
            form["confirmed"] = "yes";
        }

        var request = new HttpRequestMessage(HttpMethod.Post, run.Url($"/rollouts/default/web/actions/{action}")) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Origin", $"http://127.0.0.1:{run.Server.Address.Port}");
        return request;
    }

    /// <summary>The dashboard serves its watch cache: waits until what was just written has arrived there.</summary>
    private static async Task<string> EventuallyAsync(HttpClient http, string url, string expected)
    {
        var html = "";
        for (var i = 0; i < 100; i++)
        {
            html = await http.GetStringAsync(url);
            if (html.Contains(expected, StringComparison.Ordinal))
            {
                return html;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{url} never showed {expected}");
        return html;
    }
}
