using RolloutOperator.Testing;

namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>Paths inside the repository.</summary>
internal static class RepoPaths
{
    public static string Root => TestPaths.RepoRoot;

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);
}
