namespace RolloutOperator.CrdGen;

/// <summary>
/// <c>dotnet run --project src/RolloutOperator.CrdGen -- crds/</c> writes the CRDs;
/// <c>-- --check crds/</c> exits 1 when the files differ from what the C# types generate.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var check = args.Length == 2 && args[0] == "--check";
        if (args.Length != (check ? 2 : 1) || args[^1].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: RolloutOperator.CrdGen [--check] DIRECTORY");
            return 2;
        }

        var directory = args[^1];
        var files = CrdGenerator.GenerateFiles();
        return check ? Check(directory, files) : Write(directory, files);
    }

    private static int Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), content);
            Console.WriteLine($"wrote {Path.Combine(directory, name)}");
        }

        return 0;
    }

    private static int Check(string directory, IReadOnlyDictionary<string, string> files)
    {
        var differences = DirectoryCheck.Differences(directory, files);
        if (differences.Count == 0)
        {
            Console.WriteLine($"{directory}: up to date");
            return 0;
        }

        foreach (var difference in differences)
        {
            Console.Error.WriteLine($"{directory}: {difference}");
        }

        Console.Error.WriteLine("Regenerate with: dotnet run --project src/RolloutOperator.CrdGen -- crds/");
        return 1;
    }
}
