using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace RolloutOperator.Tests.Architecture;

/// <summary>No folder-level cycles: inside each src/ project, no two namespaces use each other (directly or through others).</summary>
public sealed class NamespaceCycleTests
{
    private readonly ITestOutputHelper _output;

    public NamespaceCycleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EverySrcProject_HasNoNamespaceCycles()
    {
        var failures = new List<string>();
        var everyNamespace = NamespaceGraph.Namespaces(SourceFiles.Parsed);
        foreach (var project in SourceFiles.Parsed.GroupBy(f => f.Project))
        {
            foreach (var cycle in NamespaceGraph.Cycles(NamespaceGraph.Build(project.ToList(), everyNamespace)))
            {
                var line = $"{project.Key}: {string.Join(" <-> ", cycle)}";
                _output.WriteLine(line);
                failures.Add(line);
            }
        }

        Assert.True(failures.Count == 0, "namespace cycles:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Graph_SeesUsingsQualifiedNamesAndEnclosingNamespaces()
    {
        // Guards the guard: each way of reaching another namespace closes a cycle on its own.
        Assert.Single(Cycles(("A.B", "namespace P.A.B; using P.C; class X {}"), ("C", "namespace P.C; class Y { P.A.B.X x; }")));
        Assert.Single(Cycles(("Root", "namespace P; class R { P.Sub.S s; }"), ("Sub", "namespace P.Sub; class S { R r; }")));
        Assert.Single(Cycles(("A", "namespace P.A; using Z = P.B.W; class X {}"), ("B", "namespace P.B; class W { global::P.A.X x; }")));
        Assert.Empty(Cycles(("A", "namespace P.A; using P.B; class X {}"), ("B", "namespace P.B; class W { }")));

        // A name in another project that starts with this project's root namespace is not a use of that root.
        var other = new SourceFile("Q", "Q.cs", CSharpSyntaxTree.ParseText("namespace P.Other; class Z {}"));
        var project = new[] { ("Root", "namespace P; class R { P.Sub.S s; }"), ("Sub", "namespace P.Sub; class S { P.Other.Z z; }") }
            .Select(f => new SourceFile("P", f.Item1 + ".cs", CSharpSyntaxTree.ParseText(f.Item2))).ToList();
        Assert.Empty(NamespaceGraph.Cycles(NamespaceGraph.Build(project, NamespaceGraph.Namespaces(project.Append(other)))));
    }

    private static List<List<string>> Cycles(params (string Name, string Code)[] files)
    {
        var parsed = files.Select(f => new SourceFile("P", f.Name + ".cs", CSharpSyntaxTree.ParseText(f.Code))).ToList();
        return NamespaceGraph.Cycles(NamespaceGraph.Build(parsed, NamespaceGraph.Namespaces(parsed)));
    }
}
