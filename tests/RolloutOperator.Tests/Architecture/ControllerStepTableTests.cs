using System.Text.RegularExpressions;
using RolloutOperator.Testing;

namespace RolloutOperator.Tests.Architecture;

/// <summary>docs/controller.md "One step, file by file" stays true: every file it lists exists and declares the type and method it names.</summary>
public sealed partial class ControllerStepTableTests
{
    [Fact]
    public void EveryListedFile_DeclaresTheListedMethod()
    {
        var rows = Rows(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "controller.md")));
        Assert.True(rows.Count >= 10, $"the table lists {rows.Count} steps");
        var wrong = rows.Select(Check).Where(problem => problem is not null).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Check_ReportsAMissingFileTypeOrMethod()
    {
        // Guards the guard: a renamed method, type or file is reported.
        const string File = "src/RolloutOperator.Controller/Reconciliation/RolloutSync.cs";
        Assert.Null(Check(new StepRow(File, "RolloutSync", "ReconcileAsync")));
        Assert.NotNull(Check(new StepRow(File, "RolloutSync", "RenamedAsync")));
        Assert.NotNull(Check(new StepRow(File, "RenamedSync", "ReconcileAsync")));
        Assert.NotNull(Check(new StepRow("src/Gone.cs", "RolloutSync", "ReconcileAsync")));
    }

    internal static List<StepRow> Rows(string markdown)
    {
        var section = markdown.IndexOf("## One step, file by file", StringComparison.Ordinal);
        Assert.True(section >= 0, "docs/controller.md has no section \"One step, file by file\"");
        var end = markdown.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        var text = end < 0 ? markdown[section..] : markdown[section..end];
        return Row().Matches(text)
            .Select(m => new StepRow(m.Groups["file"].Value, m.Groups["type"].Value, m.Groups["method"].Value))
            .ToList();
    }

    private static string? Check(StepRow row)
    {
        var path = Path.Combine(TestPaths.RepoRoot, row.File);
        if (!File.Exists(path))
        {
            return $"{row.File}: no such file";
        }

        var source = File.ReadAllText(path);
        if (!Regex.IsMatch(source, $@"\b(class|record|struct|interface)\s+{Regex.Escape(row.Type)}\b"))
        {
            return $"{row.File}: declares no type {row.Type}";
        }

        return Regex.IsMatch(source, $@"\b{Regex.Escape(row.Method)}\s*[<(]") ? null : $"{row.File}: {row.Type} has no method {row.Method}";
    }

    [GeneratedRegex(@"^\|\s*\d+\s*\|[^|]*\|\s*`(?<file>[^`]+)`\s*\|\s*`(?<type>\w+)\.(?<method>\w+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
