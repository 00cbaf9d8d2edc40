using System.Text.Json;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

/// <summary>`plan` puts webhook gates and hooks into the timeline where the engine checks them.</summary>
public sealed class GatePlanTests
{
    [Fact]
    public async Task Plan_WebhookSample_ShowsGatesAndHooksInTheTimeline()
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-", "-o", "json"], stdin: LintTests.WithTemplates("rollout-canary-webhooks.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Output);
        var stages = doc.RootElement.GetProperty("stages").EnumerateArray()
            .Select(s => (Action: s.GetProperty("action").GetString(), Weight: s.GetProperty("weight").GetInt32(), Canary: s.GetProperty("canaryReplicas").GetInt32()))
            .ToList();
        Assert.Equal(
            [
                "gate pre-rollout: smoke", "setWeight 10", "gate rollout: error-tracker", "pause 2m", "gate rollout: error-tracker",
                "setWeight 50", "gate rollout: error-tracker", "pause 5m", "gate rollout: error-tracker",
                "gate confirm-promotion: change-window", "promote", "hook post-rollout: announce",
            ],
            stages.Select(s => s.Action));
        Assert.Equal((0, 1), (stages[0].Weight, stages[0].Canary));
        Assert.Equal(50, stages[9].Weight);
        var notes = doc.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains(notes, n => n!.StartsWith("rollback hooks (page)", StringComparison.Ordinal));
        Assert.Contains(notes, n => n!.StartsWith("confirm-* gates hold until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Plan_WebhookSample_TextShowsTheGates()
    {
        var result = await CliRun.RunAsync(["plan", "-f", "-"], stdin: LintTests.WithTemplates("rollout-canary-webhooks.yaml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("gate confirm-promotion: change-window", result.Output, StringComparison.Ordinal);
        Assert.Contains("hook post-rollout: announce", result.Output, StringComparison.Ordinal);
    }
}
