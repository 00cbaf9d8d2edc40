using System.Collections.Concurrent;

namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>Runs helm against charts/rollout-operator; renders are cached per value set (helm is the slow part).</summary>
internal static class Helm
{
    public const string Release = "rollout-operator";
    public const string Namespace = "rollout-operator-system";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<string, Lazy<Task<ManifestSet>>> Renders = new();

    public static string ChartDir => RepoPaths.Of("charts", "rollout-operator");

    public static Task<ManifestSet> RenderAsync(ValueSet values) =>
        Renders.GetOrAdd(values.Name, _ => new Lazy<Task<ManifestSet>>(() => RenderUncachedAsync(values))).Value;

    public static Task<ProcessResult> TemplateAsync(IEnumerable<string> extraArgs) =>
        ProcessRunner.RunAsync(Tools.Helm, ["template", Release, ChartDir, "--namespace", Namespace, .. extraArgs], Timeout);

    public static Task<ProcessResult> RunAsync(params string[] args) => ProcessRunner.RunAsync(Tools.Helm, args, Timeout);

    private static async Task<ManifestSet> RenderUncachedAsync(ValueSet values)
    {
        string[] apis = values.MonitoringApi ? ["--api-versions", "monitoring.coreos.com/v1"] : [];
        var result = (await TemplateAsync(["--values", values.File, .. apis])).EnsureSuccess();
        return ManifestSet.Parse(result.Stdout);
    }
}
