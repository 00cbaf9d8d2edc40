using System.Text.RegularExpressions;
using System.Xml.Linq;
using RolloutOperator.Testing;

namespace RolloutOperator.Tests.Architecture;

/// <summary>docs/architecture.md draws the allowed project references; the csprojs under src/ must match it exactly.</summary>
public sealed partial class ProjectReferenceDiagramTests
{
    private static readonly string DiagramPath = Path.Combine(TestPaths.RepoRoot, "docs", "architecture.md");

    [Fact]
    public void Diagram_MatchesTheProjectReferences()
    {
        var drawn = Diagram(File.ReadAllText(DiagramPath));
        var actual = ActualReferences();
        var missingFromDiagram = actual.Except(drawn).Select(e => $"{e.From} -> {e.To}").ToList();
        var notInProjects = drawn.Except(actual).Select(e => $"{e.From} -> {e.To}").ToList();
        Assert.True(missingFromDiagram.Count == 0, "references not drawn in docs/architecture.md: " + string.Join(", ", missingFromDiagram));
        Assert.True(notInProjects.Count == 0, "drawn in docs/architecture.md but not referenced: " + string.Join(", ", notInProjects));
    }

    [Fact]
    public void Diagram_DrawsEverySrcProject()
    {
        var nodes = Nodes(File.ReadAllText(DiagramPath)).Values.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(SourceFiles.Projects().Order(StringComparer.Ordinal), nodes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("RolloutOperator.Core")]
    [InlineData("RolloutOperator.Runtime.Informers")]
    public void Project_ReferencesNoOtherProject(string project) =>
        Assert.DoesNotContain(ActualReferences(), e => e.From == project);

    [Fact]
    public void Runtime_ReferencesOnlyItsInformers() =>
        Assert.Equal(["RolloutOperator.Runtime.Informers"], ActualReferences().Where(e => e.From == "RolloutOperator.Runtime").Select(e => e.To));

    [Theory]
    [InlineData("RolloutOperator.Controller")]
    [InlineData("RolloutOperator.Runtime")]
    public void Cli_DoesNotReach(string forbidden) =>
        Assert.DoesNotContain(forbidden, Reachable("RolloutOperator.Cli", ActualReferences()));

    [Theory]
    [InlineData("RolloutOperator.Controller")]
    [InlineData("RolloutOperator.Runtime")]
    public void ApiEmulator_DoesNotReach(string forbidden) =>
        Assert.DoesNotContain(forbidden, Reachable("RolloutOperator.ApiEmulator", ActualReferences()));

    [Fact]
    public void Parser_ReadsNodesAndArrows()
    {
        // Guards the guard: labels map ids to project names, and every arrow is read.
        const string Text = "```mermaid\nflowchart TD\n    A[\"P.A\"]\n    B[\"P.B\"]\n    A --> B\n    B-->A\n```\n";
        Assert.Equal([("P.A", "P.B"), ("P.B", "P.A")], Diagram(Text).Order().ToList());
    }

    internal static HashSet<(string From, string To)> Diagram(string markdown)
    {
        var block = MermaidBlock().Match(markdown);
        Assert.True(block.Success, "no ```mermaid block");
        var nodes = Nodes(markdown);
        return Arrow().Matches(block.Groups[1].Value)
            .Select(m => (nodes[m.Groups[1].Value], nodes[m.Groups[2].Value]))
            .ToHashSet();
    }

    private static Dictionary<string, string> Nodes(string markdown) =>
        Node().Matches(MermaidBlock().Match(markdown).Groups[1].Value)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    private static HashSet<(string From, string To)> ActualReferences()
    {
        var edges = new HashSet<(string, string)>();
        foreach (var project in SourceFiles.Projects())
        {
            var csproj = XDocument.Load(Path.Combine(SourceFiles.SrcRoot, project, project + ".csproj"));
            foreach (var reference in csproj.Descendants("ProjectReference"))
            {
                var include = (string?)reference.Attribute("Include") ?? throw new InvalidOperationException(project + ": ProjectReference without Include");
                edges.Add((project, Path.GetFileNameWithoutExtension(include.Replace('\\', '/'))));
            }
        }

        return edges;
    }

    private static HashSet<string> Reachable(string from, HashSet<(string From, string To)> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            foreach (var next in edges.Where(e => e.From == current).Select(e => e.To).Where(seen.Add))
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    [GeneratedRegex(@"```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex(@"^\s*(\w+)\[""([^""]+)""\]\s*$", RegexOptions.Multiline)]
    private static partial Regex Node();

    [GeneratedRegex(@"^\s*(\w+)\s*-->\s*(\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Arrow();
}
