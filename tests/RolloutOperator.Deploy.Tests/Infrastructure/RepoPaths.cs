namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>Paths inside the repository, found from the test binary by walking up to the solution file.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RolloutOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"RolloutOperator.sln not found above {AppContext.BaseDirectory}");
    }
}
