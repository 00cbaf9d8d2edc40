using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

/// <summary>lint enforces the generated CRD schema — the bounds the API server enforces — not only the operator's parser.</summary>
public sealed class LintSchemaTests
{
    private const string Head = "apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\n";

    private const string Body = """
        spec:
          replicas: REPLICAS
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: web:1
          strategy:
            canary:
              steps:
        STEPS
        """;

    public static TheoryData<string, string, string, string> Violations => new()
    {
        { "maximum", "100001", "    - setWeight: 10", "spec.replicas: must be at most 100000, got 100001" },
        { "minimum", "-1", "    - setWeight: 10", "spec.replicas: must be at least 0, got -1" },
        { "maxItems", "2", string.Join("\n", Enumerable.Repeat("    - setWeight: 10", 101)), "spec.strategy.canary.steps: must have at most 100 items, has 101" },
        { "pattern", "2", "    - pause: {duration: \"30\\n\"}", "spec.strategy.canary.steps[0].pause.duration: \"30\\n\" does not match the pattern" },
        { "maxLength", "2", $"    - pause: {{duration: \"{new string('1', 300)}s\"}}", "spec.strategy.canary.steps[0].pause.duration: may not be longer than" },
        { "unknown field", "2", "    - setWieght: 10", "spec.strategy.canary.steps[0].setWieght: unknown field" },
        { "type", "2", "    - setWeight: [10]", "spec.strategy.canary.steps[0].setWeight: must be of type integer, got array" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Lint_SchemaViolation_IsReportedAtItsPath(string rule, string replicas, string steps, string expected)
    {
        var yaml = Head + Body.Replace("REPLICAS", replicas, StringComparison.Ordinal).Replace("STEPS", Indent(steps), StringComparison.Ordinal);

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: yaml);

        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"{rule}: {result}");
    }

    [Fact]
    public async Task Lint_EnumViolationInTemplate_IsReported()
    {
        const string Yaml = """
            apiVersion: rollout-operator.io/v1alpha1
            kind: AnalysisTemplate
            metadata:
              name: t
            spec:
              metrics:
                - name: m
                  noDataPolicy: Maybe
                  thresholdRange: {min: 1}
                  provider:
                    prometheus:
                      query: up
            """;

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: Yaml);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.metrics[0].noDataPolicy: unsupported value \"Maybe\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_ValidDocument_HasNoSchemaFindings()
    {
        var yaml = Head + Body.Replace("REPLICAS", "3", StringComparison.Ordinal).Replace("STEPS", Indent("    - setWeight: 10\n    - pause: {duration: 30s}"), StringComparison.Ordinal);

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: yaml);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static string Indent(string steps) => string.Join("\n", steps.Split('\n').Select(line => "    " + line));
}
