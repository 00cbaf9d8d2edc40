namespace RolloutOperator.CrdGen.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository root, found by walking up from the test binaries to the solution file.</summary>
    public static string Root { get; } = FindRoot();

    public static string Crds => Path.Combine(Root, "crds");

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
