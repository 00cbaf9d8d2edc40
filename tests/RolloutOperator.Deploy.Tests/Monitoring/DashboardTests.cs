using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Monitoring;

public sealed partial class DashboardTests
{
    /// <summary>The metric families the operator exports (docs/operations.md, "Metrics reference").</summary>
    private static readonly string[] KnownMetrics =
    [
        "controller_reconcile_total", "controller_reconcile_duration_seconds", "workqueue_depth", "workqueue_retries_total",
        "kubernetes_api_requests_total", "leader_election_is_leader", "informer_watch_restarts_total",
        "rollout_phase", "rollout_info", "rollout_analysis_measurements_total", "rollout_analysis_metric_value",
    ];

    private static readonly Lazy<JsonNode> Dashboard = new(() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Of("dashboards", "rollout-operator.json")))!);

    private static IReadOnlyList<string> Expressions() =>
        Dashboard.Value["panels"]!.AsArray()
            .SelectMany(p => p!["targets"]?.AsArray() ?? [])
            .Select(t => (string)t!["expr"]!)
            .ToList();

    [Fact]
    public void Dashboard_UsesOnlyKnownMetrics_AndCoversAllOfThem()
    {
        var used = Expressions()
            .SelectMany(e => MetricName().Matches(e).Select(m => m.Value))
            .Select(name => Regex.Replace(name, "_(bucket|sum|count)$", ""))
            .ToHashSet();
        Assert.Empty(used.Except(KnownMetrics));
        Assert.Empty(KnownMetrics.Except(used));
    }

    [Fact]
    public void Dashboard_HasStableUidAndDataSourceVariable()
    {
        Assert.Equal("rollout-operator", (string?)Dashboard.Value["uid"]);
        var variables = Dashboard.Value["templating"]!["list"]!.AsArray().Select(v => (string?)v!["name"]).ToList();
        Assert.Equal(["datasource", "job", "namespace", "rollout"], variables);
        Assert.All(
            Dashboard.Value["panels"]!.AsArray().Where(p => (string?)p!["type"] != "row"),
            p => Assert.Equal("${datasource}", (string?)p!["datasource"]!["uid"]));
    }

    /// <summary>Every panel query is valid PromQL: promtool checks them as recording rules, with variables filled in.</summary>
    [Fact]
    public async Task Dashboard_QueriesParseWithPromtool()
    {
        var rules = Expressions().Select((expr, i) =>
            $"      - record: dashboard:query_{i}\n        expr: '{Variable().Replace(expr, Fill).Replace("'", "''", StringComparison.Ordinal)}'\n");
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-rules-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(file, "groups:\n  - name: dashboard\n    rules:\n" + string.Concat(rules));
            (await ProcessRunner.RunAsync(Tools.Promtool, ["check", "rules", file], TimeSpan.FromMinutes(1))).EnsureSuccess();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Fill(Match variable) =>
        variable.Groups[1].Value.StartsWith("__", StringComparison.Ordinal) ? "5m" : ".*";

    [GeneratedRegex(@"\b(controller|workqueue|kubernetes|leader|informer|rollout)_[a-z_]+\b(?=\s*[\{\[\)])")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\$\{?(\w+)\}?")]
    private static partial Regex Variable();
}
