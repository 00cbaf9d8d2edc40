using System.Text.Json.Nodes;
using Microsoft.Playwright;
using RolloutOperator.Cli.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RolloutOperator.Cli.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser against the API emulator with the operator running: live list, abort from the page,
/// the analysis chart, the plan page. Screenshots land in artifacts/dashboard/.
/// </summary>
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string V1 = TestRollouts.StableRevision;
    private static readonly string V2 = TestRollouts.CanaryRevision;

    [Fact]
    public async Task List_UpdatesLive_WhenARolloutProgresses_AndOnlyWatchesAfterTheInitialList()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: true);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(image: TestRollouts.StableImage));
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(name: "checkout", image: TestRollouts.StableImage));
        await run.WaitAsync(r => r.Status?.StableRevision == V1 && r.Status.CanaryRevision is null, "v1 stable");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(run.Url("/"));
        var row = page.Locator("tr[data-rollout='default/web']");
        await Expect(row.Locator("td.phase")).ToContainTextAsync("Healthy");
        await Expect(page.Locator("#live-status")).ToContainTextAsync("live");
        await page.EvaluateAsync("window.notReloaded = true");

        var set = await run.Cluster.RunAsync("set", "image", "web", $"app={TestRollouts.CanaryImage}");
        Assert.Equal(0, set.ExitCode);

        await Expect(row.Locator("td.image").Nth(1)).ToHaveTextAsync(TestRollouts.CanaryImage);
        await Expect(row.Locator("td.phase")).ToContainTextAsync("Paused");
        await Expect(row.Locator("td.step")).ToHaveTextAsync("1/4");
        Assert.True(await page.EvaluateAsync<bool>("window.notReloaded === true"), "the list must update in place, not by reloading");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("list"), FullPage = true });

        // Searching filters the rows in place.
        await page.GetByLabel("Search").FillAsync("checkout");
        await Expect(row).ToBeHiddenAsync();
        await Expect(page.Locator("tr[data-rollout='default/checkout']")).ToBeVisibleAsync();

        AssertOnlyWatchesAfterTheInitialLists(run.DashboardRequests());
    }

    [Fact]
    public async Task Abort_FromTheRolloutPage_NamesTheRevision_AndResetsTraffic()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: true);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(image: TestRollouts.StableImage));
        await run.WaitAsync(r => r.Status?.StableRevision == V1 && r.Status.CanaryRevision is null, "v1 stable");
        Assert.Equal(0, (await run.Cluster.RunAsync("set", "image", "web", $"app={TestRollouts.CanaryImage}")).ExitCode);
        await run.WaitAsync(r => r.Status is { CurrentStepIndex: 1, Traffic.ObservedWeight: 20 } s && s.CanaryRevision == V2, "v2 paused at 20%");

        var page = await browser.NewPageAsync();
        await page.GotoAsync(run.Url("/rollouts/default/web"));
        var traffic = page.Locator("#traffic");
        await Expect(traffic).ToHaveAttributeAsync("data-canary-weight", "20");
        await Expect(page.Locator("li.step-current")).ToContainTextAsync("pause until promoted");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("rollout"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Abort", Exact = true }).ClickAsync();
        var dialog = page.Locator("#confirm-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync($"Abort revision {V2} of default/web?");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("confirm") });
        await page.Locator("#confirm-ok").ClickAsync();

        await Expect(page.Locator(".notice")).ToContainTextAsync($"requested for revision {V2}");
        await Expect(traffic).ToHaveAttributeAsync("data-desired-weight", "0");
        await Expect(traffic).ToHaveAttributeAsync("data-canary-weight", "0");
        await Expect(page.Locator("[data-field='abort']")).ToContainTextAsync(V2);
        var aborted = await run.WaitAsync(r => r.Status?.Abort?.Revision == V2, "v2 aborted");
        Assert.Equal(0, aborted.Status!.Traffic!.DesiredWeight);
        Assert.Single(run.DashboardRequests(), r => r.IsWrite);
    }

    [Fact]
    public async Task AnalysisChart_ShowsTheFailingMeasurement_AgainstItsThreshold()
    {
        await using var prometheus = await ScriptedPrometheus.StartAsync(0.99, 0.42);
        await using var run = await DashboardRun.StartAsync(withOperator: true, "--prometheus-address", prometheus.Address.ToString());
        await run.Cluster.CreateRolloutAsync(WithAnalysis(TestRollouts.Canary(image: TestRollouts.StableImage)));
        await run.WaitAsync(r => r.Status?.StableRevision == V1 && r.Status.CanaryRevision is null, "v1 stable");
        Assert.Equal(0, (await run.Cluster.RunAsync("set", "image", "web", $"app={TestRollouts.CanaryImage}")).ExitCode);
        var aborted = await run.WaitAsync(r => r.Status?.Abort?.Revision == V2, "v2 aborted by the failing analysis");
        var measurements = aborted.Status!.Analyses!.SelectMany(a => a.Metrics).SelectMany(m => m.Measurements).ToList();
        Assert.True(measurements.Exists(m => m.Phase == Core.Api.AnalysisPhase.Failed && m.Value == "0.42"), k8s.KubernetesJson.Serialize(aborted.Status.Analyses));

        var page = await browser.NewPageAsync();
        await page.GotoAsync(run.Url("/rollouts/default/web/analysis"));
        var chart = page.Locator("svg.chart[data-metric='success-rate']");
        await Expect(chart.Locator("g.point-failed[data-value='0.42']")).ToHaveCountAsync(1);
        await Expect(chart.Locator("g.point-successful[data-value='0.99']")).ToHaveCountAsync(1);
        await Expect(chart.Locator("text.threshold-label")).ToHaveTextAsync("success: result >= 0.95");
        await page.GetByText("Rendered query").First.ClickAsync();
        await Expect(page.Locator("details.query pre").First).ToContainTextAsync("http_requests_total");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("analysis"), FullPage = true });
    }

    [Fact]
    public async Task JudgeChart_ShowsCanaryAgainstControl_WithTheClassificationAsText()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.Judged());
        var page = await browser.NewPageAsync();
        await page.GotoAsync(run.Url("/rollouts/default/web/analysis"));

        var latency = page.GetByRole(AriaRole.Img, new() { Name = $"mean-latency: High, canary against control {V1}" });
        await Expect(latency).ToBeVisibleAsync();
        await Expect(latency.Locator("g.judge-canary text.judge-label")).ToHaveTextAsync("canary");
        await Expect(latency.Locator("g.judge-control text.judge-label")).ToHaveTextAsync($"control: {V1}");
        await Expect(latency.Locator("g.judge-control text.judge-samples")).ToHaveTextAsync("19 samples");
        await Expect(latency.Locator("g.judge-verdict")).ToContainTextAsync("High · p 3.4E-05 · change 1.002");
        var canary = await latency.Locator("g.judge-canary rect.box").BoundingBoxAsync();
        var control = await latency.Locator("g.judge-control rect.box").BoundingBoxAsync();
        Assert.True(canary!.X > control!.X + control.Width, "on the shared axis the slower canary's box lies right of the control's");
        await page.Locator("div.judge").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("analysis-judge"), FullPage = true });
    }

    [Fact]
    public async Task PlanPage_ShowsTheOfflineTimeline_OfAPastedManifest()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(run.Url("/plan"));
        var manifest = await File.ReadAllTextAsync(Path.Combine(CliRun.Samples, "rollout-canary-replicas.yaml"))
            + "\n---\n" + await File.ReadAllTextAsync(Path.Combine(CliRun.Samples, "clusteranalysistemplate-error-rate.yaml"));
        await page.GetByLabel("Manifest").FillAsync(manifest);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the timeline" }).ClickAsync();
        await Expect(page.Locator("table.plan-steps tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#plan-result")).ToContainTextAsync("Rollout orders");
        await Expect(page.Locator("#plan-result")).ToContainTextAsync("Duration: min");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("plan"), FullPage = true });

        // An uploaded file takes the place of the text; its problems are the lint's, with their field paths.
        await page.GetByLabel("Manifest").FillAsync("");
        await page.GetByLabel("or upload a file").SetInputFilesAsync(Path.Combine(CliRun.Samples, "rollout-canary-replicas.yaml"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the timeline" }).ClickAsync();
        await Expect(page.Locator("ul.findings")).ToContainTextAsync("spec.strategy.canary.steps[2].analysis.templates[0].templateName");
        await Expect(page.Locator("ul.findings")).ToContainTextAsync("ClusterAnalysisTemplate \"error-rate\" not found");
    }

    [Fact]
    public async Task RolloutPage_OnANarrowDarkScreen_KeepsEveryActionReachable()
    {
        await using var run = await DashboardRun.StartAsync(withOperator: false);
        await run.Cluster.CreateRolloutAsync(TestRollouts.Canary(), TestStatuses.CanaryMidStep());
        var page = await browser.NewPageAsync(ColorScheme.Dark, width: 390, height: 844);
        await page.GotoAsync(run.Url("/rollouts/default/web"));
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(13, 17, 23)", background);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "no horizontal scrolling on a narrow screen");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip")).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Promote", Exact = true })).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Screenshot("rollout-narrow-dark"), FullPage = true });
    }

    private static void AssertOnlyWatchesAfterTheInitialLists(IReadOnlyList<ApiEmulator.Http.RequestRecord> requests)
    {
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(r.Verb is "list" or "watch", $"{r.Verb} {r.Path}?{r.Query}: the dashboard only lists once and then watches"));
        foreach (var resource in requests.GroupBy(r => r.Request.Resource))
        {
            var verbs = resource.Select(r => r.Verb).ToList();
            Assert.True(verbs.Count(v => v == "list") == 1 && verbs[0] == "list", $"{resource.Key}: {string.Join(", ", verbs)}");
        }
    }

    private static JsonObject WithAnalysis(JsonObject rollout)
    {
        var metric = new JsonObject
        {
            ["name"] = "success-rate",
            ["interval"] = "1s",
            ["count"] = 3,
            ["successCondition"] = "result >= 0.95",
            ["provider"] = new JsonObject
            {
                ["prometheus"] = new JsonObject { ["query"] = "sum(rate(http_requests_total{code!~\"5..\",revision=\"{{revision.canary}}\"}[1m])) / sum(rate(http_requests_total{revision=\"{{revision.canary}}\"}[1m]))" },
            },
        };
        rollout["spec"]!["strategy"]!["canary"]!["steps"] = new JsonArray(
            new JsonObject { ["setWeight"] = 20 },
            new JsonObject { ["analysis"] = new JsonObject { ["metrics"] = new JsonArray(metric) } },
            new JsonObject { ["setWeight"] = 50 });
        return rollout;
    }
}
