using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RolloutOperator.Testing;

namespace RolloutOperator.Tests.Architecture;

/// <summary>The product's source as the architecture tests read it: every src/ project and its parsed C# files.</summary>
internal static class SourceFiles
{
    private static readonly Lazy<IReadOnlyList<SourceFile>> All = new(Load);

    public static string SrcRoot => Path.Combine(TestPaths.RepoRoot, "src");

    public static IReadOnlyList<SourceFile> Parsed => All.Value;

    /// <summary>Every project directory under src/ (one csproj each), by project name.</summary>
    public static IReadOnlyList<string> Projects() =>
        Directory.GetDirectories(SrcRoot)
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The C# files of one directory tree, without build output.</summary>
    public static IEnumerable<string> CsFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(directory, f)))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(TestPaths.RepoRoot, path).Replace('\\', '/');

    private static bool IsBuildOutput(string relative)
    {
        var first = relative.Replace('\\', '/').Split('/')[0];
        return first is "obj" or "bin";
    }

    private static List<SourceFile> Load() =>
        Projects()
            .SelectMany(project => CsFiles(Path.Combine(SrcRoot, project)).Select(file => Parse(project, file)))
            .ToList();

    private static SourceFile Parse(string project, string file)
    {
        var text = File.ReadAllText(file);
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview), path: Relative(file));
        return new SourceFile(project, Relative(file), tree);
    }
}
