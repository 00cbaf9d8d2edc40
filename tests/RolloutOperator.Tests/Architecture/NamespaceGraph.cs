using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RolloutOperator.Tests.Architecture;

/// <summary>
/// Which namespace of a project uses which other namespace of the same project, read from syntax: using directives
/// (plain, static, alias), fully qualified names, and simple names of types declared in an enclosing namespace (C#
/// resolves those without a using, so a child folder can depend on its parent silently).
/// </summary>
internal static class NamespaceGraph
{
    /// <summary>
    /// Edges between the namespaces declared in <paramref name="files"/> (one project). A qualified name is matched
    /// against the namespaces of <paramref name="everyNamespace"/> (all projects), so a reference into another project
    /// never counts as one to this project's root namespace.
    /// </summary>
    public static Dictionary<string, SortedSet<string>> Build(IReadOnlyList<SourceFile> files, IReadOnlySet<string> everyNamespace)
    {
        var typesByNamespace = DeclaredTypes(files);
        var namespaces = typesByNamespace.Keys.ToHashSet(StringComparer.Ordinal);
        var known = namespaces.Union(everyNamespace).ToHashSet(StringComparer.Ordinal);
        var edges = namespaces.ToDictionary(n => n, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var file in files)
        {
            var root = file.Tree.GetRoot();
            foreach (var declaration in root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Where(d => !d.Members.OfType<BaseNamespaceDeclarationSyntax>().Any()))
            {
                var from = FullName(declaration);
                foreach (var to in Uses(root, from, known, typesByNamespace).Where(to => to != from && namespaces.Contains(to)))
                {
                    edges[from].Add(to);
                }
            }
        }

        return edges;
    }

    /// <summary>Namespaces that reach each other through the edges (strongly connected components of more than one).</summary>
    public static List<List<string>> Cycles(Dictionary<string, SortedSet<string>> edges) => new Tarjan(edges).Run();

    /// <summary>Every namespace declared in <paramref name="files"/>.</summary>
    public static HashSet<string> Namespaces(IEnumerable<SourceFile> files) =>
        files.SelectMany(f => f.Tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()).Select(FullName).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Uses(SyntaxNode root, string from, HashSet<string> namespaces, Dictionary<string, HashSet<string>> typesByNamespace)
    {
        foreach (var u in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
        {
            if (u.NamespaceOrType is { } target && LongestNamespace(Text(target), namespaces, requireRest: u.Alias is not null || u.StaticKeyword != default) is { } ns)
            {
                yield return ns;
            }
        }

        foreach (var name in OutermostQualifiedNames(root))
        {
            if (LongestNamespace(Text(name), namespaces, requireRest: true) is { } ns)
            {
                yield return ns;
            }
        }

        foreach (var ns in EnclosingNamespacesUsed(root, from, typesByNamespace))
        {
            yield return ns;
        }
    }

    private static IEnumerable<SyntaxNode> OutermostQualifiedNames(SyntaxNode root) =>
        root.DescendantNodes()
            .Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax)
            .Where(n => n.Parent is not (QualifiedNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax))
            .Where(n => n.Parent is not (UsingDirectiveSyntax or BaseNamespaceDeclarationSyntax));

    private static IEnumerable<string> EnclosingNamespacesUsed(SyntaxNode root, string from, Dictionary<string, HashSet<string>> typesByNamespace)
    {
        var own = typesByNamespace.GetValueOrDefault(from) ?? [];
        var enclosing = typesByNamespace.Keys.Where(n => from.StartsWith(n + ".", StringComparison.Ordinal)).ToList();
        if (enclosing.Count == 0)
        {
            yield break;
        }

        var names = root.DescendantNodes().OfType<SimpleNameSyntax>()
            .Where(n => n.Parent is not (QualifiedNameSyntax or MemberAccessExpressionSyntax) || IsLeftmost(n))
            .Select(n => n.Identifier.Text)
            .Where(n => !own.Contains(n))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var ns in enclosing.Where(ns => typesByNamespace[ns].Overlaps(names)))
        {
            yield return ns;
        }
    }

    private static bool IsLeftmost(SimpleNameSyntax name) => name.Parent switch
    {
        QualifiedNameSyntax q => q.Left == name,
        MemberAccessExpressionSyntax m => m.Expression == name,
        _ => true,
    };

    private static string? LongestNamespace(string name, HashSet<string> namespaces, bool requireRest)
    {
        name = name.StartsWith("global::", StringComparison.Ordinal) ? name["global::".Length..] : name;
        if (!requireRest && namespaces.Contains(name))
        {
            return name;
        }

        for (var cut = name.LastIndexOf('.'); cut > 0; cut = name.LastIndexOf('.', cut - 1))
        {
            if (namespaces.Contains(name[..cut]))
            {
                return name[..cut];
            }
        }

        return null;
    }

    private static Dictionary<string, HashSet<string>> DeclaredTypes(IReadOnlyList<SourceFile> files)
    {
        var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var declaration in files.SelectMany(f => f.Tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()))
        {
            var set = types.TryGetValue(FullName(declaration), out var existing) ? existing : types[FullName(declaration)] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in declaration.Members.OfType<BaseTypeDeclarationSyntax>())
            {
                set.Add(member.Identifier.Text);
            }

            foreach (var member in declaration.Members.OfType<DelegateDeclarationSyntax>())
            {
                set.Add(member.Identifier.Text);
            }
        }

        return types;
    }

    private static string FullName(BaseNamespaceDeclarationSyntax declaration) =>
        string.Join(".", declaration.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(d => Text(d.Name)));

    private static string Text(SyntaxNode node) => string.Concat(node.ToString().Where(c => !char.IsWhiteSpace(c)));
}
