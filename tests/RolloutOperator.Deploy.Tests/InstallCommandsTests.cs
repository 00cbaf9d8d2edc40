using System.Text.RegularExpressions;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests;

/// <summary>
/// Runs the shell commands of the README's Install section verbatim with bash, against a fresh API
/// emulator per install path, so the documented install cannot rot. `dotnet run` of the host is covered by
/// PublishedHostTests (same flags, published build). Adaptations, because the emulator serves no OpenAPI document:
/// client-side schema validation is off (the emulator validates against the CRD schemas itself), and `helm install`,
/// whose client always validates, becomes the same release rendered by `helm template` and server-side applied
/// (the chart's crds/ are installed first, as helm would).
/// </summary>
public sealed partial class InstallCommandsTests
{
    public static TheoryData<string> Sections() => new(["### Helm", "### kustomize", "### Out of cluster"]);

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task DocumentedCommands_AgainstEmulator_Succeed(string section)
    {
        var commands = Commands(section).Where(c => !c.StartsWith("dotnet run", StringComparison.Ordinal)).Select(WithoutOpenApiValidation).ToList();
        Assert.NotEmpty(commands);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), cts.Token);
        emulator.Deployments.SetReadyDelay(TimeSpan.Zero);
        var home = Directory.CreateTempSubdirectory("deploy-tests-home-");
        try
        {
            var kubeconfig = Path.Combine(home.FullName, "kubeconfig");
            emulator.WriteKubeconfig(kubeconfig);
            await emulator.InstallCustomResourceDefinitionsAsync(RepoPaths.Of("charts", "rollout-operator", "crds"), cts.Token);
            var tools = Path.GetDirectoryName(Tools.Helm)!;
            var kubectl = Path.GetDirectoryName(Tools.Kubectl)!;
            var script = string.Join('\n', ["set -euo pipefail", $"export KUBECONFIG={kubeconfig} HOME={home.FullName} PATH={tools}:{kubectl}:$PATH", .. commands]);
            var result = await ProcessRunner.RunAsync("bash", ["-c", script], TimeSpan.FromMinutes(4));
            result.EnsureSuccess();
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public void OutOfClusterRun_UsesTheFlagsThePublishedHostTestUses()
    {
        var run = Assert.Single(Commands("### Out of cluster"), c => c.StartsWith("dotnet run", StringComparison.Ordinal));
        Assert.Contains("--project src/RolloutOperator --", run, StringComparison.Ordinal);
        Assert.Contains("--kubeconfig", run, StringComparison.Ordinal);
        Assert.Contains("--leader-elect false", run, StringComparison.Ordinal);
        Assert.Contains("--log-format console", run, StringComparison.Ordinal);
    }

    private static string WithoutOpenApiValidation(string command) =>
        command.StartsWith("kubectl apply", StringComparison.Ordinal) ? command + " --validate=false"
        : command.StartsWith("helm install", StringComparison.Ordinal) ? HelmInstallAsApply(command)
        : command;

    private static string HelmInstallAsApply(string command)
    {
        var ns = Regex.Match(command, "--namespace ([a-z0-9-]+)").Groups[1].Value;
        var template = command.Replace("helm install", "helm template", StringComparison.Ordinal).Replace(" --create-namespace", "", StringComparison.Ordinal);
        return $"kubectl create namespace {ns} --dry-run=client -o yaml | kubectl apply --server-side --validate=false -f - && {template} | kubectl apply --server-side --validate=false -f -";
    }

    /// <summary>The ```sh blocks of one section, with backslash continuations joined.</summary>
    private static IReadOnlyList<string> Commands(string section)
    {
        var text = File.ReadAllText(RepoPaths.Of("README.md"));
        var start = text.IndexOf(section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section {section}");
        var end = text.IndexOf("\n#", start + section.Length, StringComparison.Ordinal);
        var body = end < 0 ? text[start..] : text[start..end];
        return ShellBlock().Matches(body)
            .SelectMany(m => m.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
            .Select(l => Regex.Replace(l.Trim(), " +", " "))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
