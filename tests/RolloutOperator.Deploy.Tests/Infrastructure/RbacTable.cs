namespace RolloutOperator.Deploy.Tests.Infrastructure;

/// <summary>
/// The documented RBAC list: the table under "## RBAC" in docs/operations.md is the single written source, and the
/// chart and kustomize renders must grant exactly what it lists, scope by scope.
/// </summary>
internal static class RbacTable
{
    /// <summary>Placeholder in the names column for rbac.analysisSecrets.resourceNames.</summary>
    public const string ConfiguredNames = "(configured)";

    private static readonly Lazy<IReadOnlyList<string[]>> Rows = new(ReadRows);

    public static IReadOnlyList<RbacRule> For(string scope, IReadOnlyList<string> configuredNames) =>
        Rows.Value
            .Where(cells => cells[0] == scope)
            .SelectMany(cells => RbacRule.Expand(
                scope,
                [cells[1] == "(core)" ? "" : cells[1]],
                Split(cells[2]),
                Split(cells[3]),
                cells[4] == ConfiguredNames ? configuredNames : Split(cells[4])))
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)
            .ToList();

    public static IReadOnlySet<string> Scopes => Rows.Value.Select(cells => cells[0]).ToHashSet();

    private static IEnumerable<string> Split(string cell) =>
        cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IReadOnlyList<string[]> ReadRows()
    {
        var lines = File.ReadAllLines(RepoPaths.Of("docs", "operations.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## RBAC", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/operations.md has no '## RBAC' section");
        var header = Array.FindIndex(lines, start, l => l.StartsWith("| Scope |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/operations.md '## RBAC' has no table starting with '| Scope |'");
        var rows = lines.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .ToList();
        Assert.All(rows, cells => Assert.True(cells.Length == 6, $"RBAC table row needs 6 cells: {string.Join(" | ", cells)}"));
        return rows;
    }
}
