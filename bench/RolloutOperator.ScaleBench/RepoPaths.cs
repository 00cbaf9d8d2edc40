namespace RolloutOperator.ScaleBench;

/// <summary>The repository the benchmark runs from (for the CRDs), found by walking up to RolloutOperator.sln.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "RolloutOperator.sln")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new InvalidOperationException("run the benchmark from inside the repository (RolloutOperator.sln not found)");
        }
    }

    public static string Crds => Path.Combine(Root, "crds");
}
