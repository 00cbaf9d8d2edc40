using System.Diagnostics;
using RolloutOperator.Core.Tracing;

namespace RolloutOperator.Controller.Tests.Tracing;

/// <summary>Reads exported spans as a tree: one root, every parent present, children by name.</summary>
internal sealed class SpanTree
{
    private readonly IReadOnlyList<Activity> _spans;

    public SpanTree(IReadOnlyList<Activity> spans)
    {
        _spans = spans;
        Assert.Equal(spans.Count, spans.Select(s => s.SpanId).Distinct().Count());
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        Root = Assert.Single(spans, s => s.ParentSpanId == default);
        Assert.All(spans.Where(s => s != Root), s => Assert.Contains(s.ParentSpanId, ids));
    }

    public Activity Root { get; }

    public IReadOnlyList<Activity> Children(Activity parent) =>
        [.. _spans.Where(s => s.ParentSpanId == parent.SpanId).OrderBy(s => s.StartTimeUtc).ThenBy(s => Tag(s, SpanAttributes.StepIndex) ?? 0L).ThenBy(s => s.Duration)];

    public static object? Tag(Activity span, string name) => span.TagObjects.FirstOrDefault(t => t.Key == name).Value;

    /// <summary>The tree as indented "name" lines, for a readable comparison with the documented shape.</summary>
    public string Shape()
    {
        var lines = new List<string>();
        Walk(Root, 0, lines);
        return string.Join('\n', lines);
    }

    private void Walk(Activity span, int depth, List<string> lines)
    {
        lines.Add(new string(' ', depth * 2) + span.DisplayName);
        foreach (var child in Children(span))
        {
            Walk(child, depth + 1, lines);
        }
    }
}
