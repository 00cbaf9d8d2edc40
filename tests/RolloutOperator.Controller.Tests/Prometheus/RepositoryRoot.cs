namespace RolloutOperator.Controller.Tests.PrometheusProvider;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RolloutOperator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RolloutOperator.sln not found above " + AppContext.BaseDirectory);
    }
}
