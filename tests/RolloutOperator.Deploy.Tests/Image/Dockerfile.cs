using System.Text.RegularExpressions;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Image;

/// <summary>The Dockerfile's instructions, joined across line continuations (no Docker engine exists to parse it).</summary>
internal sealed partial class Dockerfile(IReadOnlyList<(string Instruction, string Arguments)> lines)
{
    public IReadOnlyList<(string Instruction, string Arguments)> Lines { get; } = lines;

    public static Dockerfile Load()
    {
        var text = Continuation().Replace(File.ReadAllText(RepoPaths.Of("Dockerfile")), " ");
        var lines = text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""))
            .ToList();
        return new Dockerfile(lines);
    }

    public IEnumerable<string> All(string instruction) => Lines.Where(l => l.Instruction == instruction).Select(l => l.Arguments);

    /// <summary>Sources of COPY instructions that read the build context (not --from another stage).</summary>
    public IEnumerable<string> ContextCopySources() =>
        All("COPY")
            .Where(args => !args.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(args =>
            {
                var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToList();
                return parts.Take(parts.Count - 1);
            });

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex Continuation();
}
