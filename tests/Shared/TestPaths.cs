namespace RolloutOperator.Testing;

/// <summary>Paths every test project needs, found from the test binary's location (CI runs from a fresh clone elsewhere).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Crds => Path.Combine(RepoRoot, "crds");

    /// <summary>The upstream Gateway API CRDs: shared/ sits beside the repository (override with GATEWAY_API_CRDS).</summary>
    public static string GatewayApiCrds =>
        Environment.GetEnvironmentVariable("GATEWAY_API_CRDS") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "gateway-api"));

    /// <summary>The upstream Istio CRDs (VirtualService, DestinationRule): shared/ sits beside the repository (override with ISTIO_CRDS).</summary>
    public static string IstioCrds =>
        Environment.GetEnvironmentVariable("ISTIO_CRDS") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data", "istio"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolloutOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RolloutOperator.sln not found above " + AppContext.BaseDirectory);
    }
}
