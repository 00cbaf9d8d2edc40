using System.Text.RegularExpressions;
using k8s;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

/// <summary>Every manifest sample in docs/traffic-routing.md is linted and planned as a user would, so the docs cannot drift.</summary>
public sealed partial class TrafficRoutingDocTests
{
    private static readonly string Doc = Path.Combine(AppContext.BaseDirectory, "docs", "traffic-routing.md");

    private static List<string> YamlBlocks() =>
        [.. YamlBlock().Matches(File.ReadAllText(Doc)).Select(m => m.Groups[1].Value)];

    public static TheoryData<int> RolloutSamples()
    {
        var data = new TheoryData<int>();
        var blocks = YamlBlocks();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Contains("kind: Rollout", StringComparison.Ordinal))
            {
                data.Add(i);
            }
        }

        return data;
    }

    [Fact]
    public void Doc_HasASampleForEachRouterAndForMirroring()
    {
        var rollouts = YamlBlocks().Where(b => b.Contains("kind: Rollout", StringComparison.Ordinal)).ToList();

        foreach (var needle in new[] { "gatewayAPI:", "nginx:", "alb:", "istio:", "setMirrorRoute:" })
        {
            Assert.Contains(rollouts, b => b.Contains(needle, StringComparison.Ordinal));
        }

        Assert.Contains(rollouts, b => b.Contains("gatewayAPI:", StringComparison.Ordinal) && b.Contains("alb:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RolloutSamples))]
    public async Task DocSample_LintsWithoutErrors_AndPlans(int index)
    {
        var yaml = YamlBlocks()[index];

        var lint = await CliRun.RunAsync(["lint", "-f", "-"], stdin: yaml);
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Contains("0 error(s)", lint.Output, StringComparison.Ordinal);

        var plan = await CliRun.RunAsync(["plan", "-f", "-"], stdin: yaml);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        if (yaml.Contains("setMirrorRoute", StringComparison.Ordinal))
        {
            Assert.Contains("setMirrorRoute shadow 10%", plan.Output, StringComparison.Ordinal);
            Assert.Contains("[mirrors: shadow 10%]", plan.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DocSamples_EveryYamlBlockParses()
    {
        foreach (var block in YamlBlocks())
        {
            Assert.NotNull(KubernetesYaml.Deserialize<Dictionary<string, object>>(block));
        }
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex YamlBlock();
}
