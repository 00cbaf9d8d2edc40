using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RolloutOperator.Tests.Architecture;

/// <summary>Methods short enough to read at once: no member body in src/ spans more than 50 lines.</summary>
public sealed class MethodLengthTests
{
    private const int MaxLines = 50;

    // Split on other branches of this round (Core's long methods; the host's service wiring moves into the controller
    // project); the coordinator empties this list after merging them.
    [Fact]
    public void EveryMemberInSrc_SpansAtMost50Lines()
    {
        var tooLong = SourceFiles.Parsed
            .SelectMany(LongMembers)
            .ToList();
        Assert.True(tooLong.Count == 0, $"members over {MaxLines} lines:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void Scanner_FindsEveryKindOfMember()
    {
        // Guards the guard: a constructor, an accessor, a local function and a lambda of 51 lines are all reported.
        var body = string.Concat(Enumerable.Repeat("        _ = 1;\n", 49));
        var source = $$"""
            class C
            {
                C()
                {
            {{body}}}
                int P
                {
                    get
                    {
            {{body}}}
                }
                void M()
                {
                    void Local()
                    {
            {{body}}}
                    System.Action a = () =>
                    {
            {{body}}};
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "C.cs");
        var found = LongMembers(new SourceFile("P", "C.cs", tree)).ToList();
        var names = found.Select(f => f.Split(' ')[1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["C", "Local", "M", "get", "lambda"], names);
    }

    internal static IEnumerable<string> LongMembers(SourceFile file)
    {
        var root = file.Tree.GetRoot();
        foreach (var node in root.DescendantNodes().Where(IsMember))
        {
            var first = file.Tree.GetLineSpan(SignatureStart(node)).StartLinePosition.Line;
            var last = file.Tree.GetLineSpan(node.Span).EndLinePosition.Line;
            var lines = last - first + 1;
            if (lines > MaxLines)
            {
                yield return $"{file.Path}:{first + 1} {Name(node)} ({lines} lines)";
            }
        }
    }

    // Attributes above a member are not part of it: the count runs from the signature to the closing brace.
    private static Microsoft.CodeAnalysis.Text.TextSpan SignatureStart(SyntaxNode node) =>
        node is MemberDeclarationSyntax { AttributeLists.Count: > 0 } member
            ? member.AttributeLists.Last().GetLastToken().GetNextToken().Span
            : node.Span;

    private static bool IsMember(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax => true,
        AccessorDeclarationSyntax => true,
        LocalFunctionStatementSyntax => true,
        AnonymousFunctionExpressionSyntax => true,
        PropertyDeclarationSyntax p => p.ExpressionBody is not null,
        _ => false,
    };

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text,
        LocalFunctionStatementSyntax l => l.Identifier.Text,
        AccessorDeclarationSyntax a => a.Keyword.Text,
        PropertyDeclarationSyntax p => p.Identifier.Text,
        AnonymousFunctionExpressionSyntax => "lambda",
        _ => node.Kind().ToString(),
    };
}
