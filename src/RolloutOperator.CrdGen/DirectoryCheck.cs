namespace RolloutOperator.CrdGen;

/// <summary>Compares a directory with the generated files: what is stale, missing, or left over from an old kind.</summary>
internal static class DirectoryCheck
{
    public static IReadOnlyList<string> Differences(string directory, IReadOnlyDictionary<string, string> expected)
    {
        var problems = new List<string>();
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                problems.Add($"missing: {name}");
            }
            else if (File.ReadAllText(path) != content)
            {
                problems.Add($"stale: {name} ({FirstDifferentLine(File.ReadAllText(path), content)})");
            }
        }

        // A CRD file of a removed or renamed kind would otherwise linger and still be applied.
        var extra = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileName).Where(n => n is not null && !expected.ContainsKey(n))
            : [];
        problems.AddRange(extra.Order(StringComparer.Ordinal).Select(n => $"unexpected: {n}"));
        return problems;
    }

    private static string FirstDifferentLine(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < e.Length ? e[i] : "<end of file>";
            if (left != right)
            {
                return $"line {i + 1}: has '{left.Trim()}', expected '{right.Trim()}'";
            }
        }

        return "line endings differ";
    }
}
