using System.Text.RegularExpressions;
using System.Xml.Linq;
using RolloutOperator.Testing;

namespace RolloutOperator.Tests.Architecture;

/// <summary>Packages say what is used, and tests find files from the repository root, never by absolute paths.</summary>
public sealed partial class RepositoryHygieneTests
{
    [Fact]
    public void EveryPinnedPackage_IsReferencedBySomeProject()
    {
        var pinned = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion").Select(e => (string)e.Attribute("Include")!).ToList();
        var referenced = ProjectFiles()
            .SelectMany(f => XDocument.Load(f).Descendants("PackageReference"))
            .Select(e => (string?)e.Attribute("Include"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unused = pinned.Where(p => !referenced.Contains(p)).ToList();
        Assert.True(unused.Count == 0, "pinned in Directory.Packages.props but referenced by no project: " + string.Join(", ", unused));
    }

    [Fact]
    public void Tests_UseTheSharedRepositoryRoot_AndNoAbsolutePaths()
    {
        var shared = Path.Combine(TestPaths.RepoRoot, "tests", "Shared", "TestPaths.cs");
        var offenders = new List<string>();
        foreach (var file in SourceFiles.CsFiles(Path.Combine(TestPaths.RepoRoot, "tests")).Where(f => f != shared))
        {
            var text = File.ReadAllText(file);
            if (text.Contains("\"RolloutOperator.sln\"", StringComparison.Ordinal))
            {
                offenders.Add(SourceFiles.Relative(file) + ": finds the repository root itself (use TestPaths)");
            }

            offenders.AddRange(AbsolutePath().Matches(text).Select(m => $"{SourceFiles.Relative(file)}: absolute path {m.Value}"));
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void AbsolutePathPattern_FindsRepositoryAndHomePaths()
    {
        // Guards the guard; a container path such as "/tmp" in a manifest is not a file the test reads.
        // (Split so that this file does not contain what it looks for.)
        Assert.Matches(AbsolutePath(), "\"/wo" + "rk/main/crds\"");
        Assert.Matches(AbsolutePath(), "@\"/ho" + "me/dev/repo/crds/rollouts.yaml\"");
        Assert.DoesNotMatch(AbsolutePath(), "\"/tmp\"");
    }

    private static IEnumerable<string> ProjectFiles() =>
        new[] { "src", "tests", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, d), "*.*proj*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(TestPaths.RepoRoot, "Directory.Build.props", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Distinct();

    [GeneratedRegex(@"@?""/(work|home|root|Users|mnt)/[^""]*""")]
    private static partial Regex AbsolutePath();
}
