namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>Renders a kustomize directory offline with `kubectl kustomize`.</summary>
internal static class Kustomize
{
    private static readonly Lazy<Task<ManifestSet>> DefaultRender = new(() => RenderAsync("config/default"));

    public static Task<ManifestSet> DefaultAsync() => DefaultRender.Value;

    public static async Task<ManifestSet> RenderAsync(string directory)
    {
        var result = await ProcessRunner.RunAsync(Tools.Kubectl, ["kustomize", RepoPaths.Of(directory)], TimeSpan.FromMinutes(2));
        return ManifestSet.Parse(result.EnsureSuccess().Stdout);
    }
}
