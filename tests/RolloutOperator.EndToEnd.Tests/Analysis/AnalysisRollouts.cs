using RolloutOperator.EndToEnd.Tests.Support;

namespace RolloutOperator.EndToEnd.Tests.Analysis;

/// <summary>Rollouts whose steps are gated by the SLI templates; canaries route through a Gateway API HTTPRoute.</summary>
internal static class AnalysisRollouts
{
    public const string App = "web";

    /// <summary>Services, route, the given templates and a canary Rollout with the given steps.</summary>
    public static string Canary(string steps, params string[] templates) =>
        string.Join("\n---\n", [TestManifests.Services(App), TestManifests.HttpRoute(App), .. templates, TestManifests.Canary(TestManifests.GatewayRouting, steps, App)]);

    /// <summary>A canary step that runs the named templates; <paramref name="args"/> is a YAML flow list of argument values.</summary>
    public static string AnalysisStepWithArgs(string args, params string[] templates) => $$"""
                - analysis:
                    templates: [{{string.Join(", ", templates.Select(t => $"{{templateName: {t}}}"))}}]
                    args: {{args}}
        """;

    public static string AnalysisStep(params string[] templates) => AnalysisStepWithArgs("[]", templates);

    public static string SetWeight(int weight) => $"""
                - setWeight: {weight}
        """;

    public static string Steps(params string[] steps) => string.Join("\n", steps);
}
