using RolloutOperator.Testing;

namespace RolloutOperator.CrdGen.Tests.Support;

internal static class RepoPaths
{
    public static string Root => TestPaths.RepoRoot;

    public static string Crds => TestPaths.Crds;
}
