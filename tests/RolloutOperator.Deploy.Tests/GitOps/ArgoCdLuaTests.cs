using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.GitOps;

public sealed class ArgoCdLuaTests
{
    private static readonly string[] Actions = ["promote", "promote-full", "abort", "retry", "pause", "resume"];

    /// <summary>gitops/argocd/test/run.lua runs health.lua and every action against the JSON fixtures in cases.json.</summary>
    [Fact]
    public async Task HealthAndActions_AgainstFixtures_AllCasesPass()
    {
        var result = await ProcessRunner.RunAsync(Tools.Lua, [RepoPaths.Of("gitops", "argocd", "test", "run.lua"), RepoPaths.Of("gitops", "argocd")], TimeSpan.FromMinutes(1));
        result.EnsureSuccess();
        Assert.Contains(" 0 failures", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT OK", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_DifferOnlyInTheirName()
    {
        var template = Normalize("promote");
        Assert.All(Actions, action => Assert.Equal(template, Normalize(action)));
    }

    /// <summary>The argocd-cm entries are a generated copy; parse them to prove the indentation survives YAML.</summary>
    [Fact]
    public void ArgoCdConfigMap_EmbedsTheScriptsVerbatim()
    {
        var cm = ManifestSet.Parse(File.ReadAllText(RepoPaths.Of("gitops", "argocd", "argocd-cm.yaml"))).Single("ConfigMap");
        var health = Node.Text(cm.Root, "data", "resource.customizations.health.rollout-operator.io_Rollout");
        Assert.Equal(Script("health.lua"), health);
        var actionsYaml = Node.Text(cm.Root, "data", "resource.customizations.actions.rollout-operator.io_Rollout")!;
        var actions = ManifestSet.Parse("root:\n" + string.Concat(actionsYaml.Split('\n').Select(l => "  " + l + "\n"))).Items.Single().Root;
        Assert.Equal(Script("actions/discovery.lua"), Node.Text(actions, "root", "discovery.lua"));
        var definitions = Node.List(actions, "root", "definitions");
        Assert.Equal(Actions, definitions.Select(d => Node.Text(d, "name")));
        Assert.All(definitions, d => Assert.Equal(Script($"actions/{Node.Text(d, "name")}/action.lua"), Node.Text(d, "action.lua")));
    }

    private static string Script(string relative) => File.ReadAllText(RepoPaths.Of("gitops", "argocd", relative)).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Normalize(string action) =>
        Script($"actions/{action}/action.lua")
            .Replace($"local action = \"{action}\"", "local action = ACTION", StringComparison.Ordinal)
            .Replace($"resource action \"{action}\"", "resource action ACTION", StringComparison.Ordinal);
}
