using System.Text.Json;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

public sealed class PlanTests
{
    public static TheoryData<string> RolloutSamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CliRun.Samples, "rollout-*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolloutSamples))]
    public async Task Plan_Sample_RendersTimeline(string file)
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-"], stdin: LintTests.WithTemplates(file));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Duration: min", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RolloutSamples))]
    public async Task Plan_SampleJson_Parses(string file)
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "json"], stdin: LintTests.WithTemplates(file));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Output);
        Assert.True(doc.RootElement.GetProperty("stages").GetArrayLength() > 0);
        Assert.True(doc.RootElement.GetProperty("minSeconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task Plan_GatewayCanary_ShowsWeightsReplicasPausesQueriesAndBounds()
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "json"], stdin: LintTests.WithTemplates("rollout-canary-gatewayapi.yaml"));

        using var doc = JsonDocument.Parse(result.Output);
        var root = doc.RootElement;
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal("Canary", root.GetProperty("strategy").GetString());
        Assert.Equal("gatewayAPI", root.GetProperty("trafficRouter").GetString());
        Assert.Equal("setWeight 20", stages[0].GetProperty("action").GetString());
        Assert.Equal(20, stages[0].GetProperty("weight").GetInt32());
        Assert.Equal(1, stages[0].GetProperty("canaryReplicas").GetInt32());
        Assert.Equal(5, stages[0].GetProperty("stableReplicas").GetInt32());
        Assert.Equal("30s", stages[1].GetProperty("pause").GetString());
        var metric = stages[2].GetProperty("analysis").GetProperty("metrics")[0];
        Assert.Equal("success-rate", metric.GetProperty("name").GetString());
        var query = metric.GetProperty("query").GetString()!;
        Assert.Contains("service=\"checkout\"", query, StringComparison.Ordinal);
        Assert.Contains($"revision=\"{root.GetProperty("revision").GetString()}\"", query, StringComparison.Ordinal);
        Assert.Contains("<args.namespace>", query, StringComparison.Ordinal);
        // pause 30s + analysis (30s delay + 2 × 1m) + pause 5m
        Assert.Equal(30 + 150 + 300, root.GetProperty("minSeconds").GetInt64());
        Assert.True(root.GetProperty("maxSeconds").GetInt64() > root.GetProperty("minSeconds").GetInt64());
        Assert.Equal("background", root.GetProperty("backgroundAnalysis").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Plan_ReplicaRatioCanary_SplitsReplicas()
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "yaml"], stdin: LintTests.WithTemplates("rollout-canary-replicas.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("stableReplicas: 4", result.Output, StringComparison.Ordinal);
        Assert.Contains("canaryReplicas: 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_IndefinitePause_MaxIsUnbounded()
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "json"], stdin: LintTests.WithTemplates("rollout-bluegreen.yaml"));

        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("unbounded", doc.RootElement.GetProperty("maxDuration").GetString());
        Assert.Contains(doc.RootElement.GetProperty("stages").EnumerateArray(), s => s.GetProperty("action").GetString() == "pause until promoted");
    }

    [Fact]
    public async Task Plan_BrokenRollout_FailsWithPaths()
    {
        var result = await CliRun.RunAsync(["plan", "-f", CliRun.TestData("broken-rollout.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.strategy.canary.steps[0].setWeight", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_TemplatesOnly_Fails()
    {
        var result = await CliRun.RunAsync(["plan", "-f", Path.Combine(CliRun.Samples, "analysistemplate-success-rate.yaml")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no Rollout", result.Error, StringComparison.Ordinal);
    }
}
