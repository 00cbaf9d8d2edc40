namespace RolloutOperator.Core.Tests.Parsing.Hostile;

/// <summary>A valid starting spec (by index into <see cref="HostileSeeds"/>) and the mutations applied to it.</summary>
public sealed record HostileCase(int Seed, IReadOnlyList<SpecMutation> Mutations, int DeepTemplate)
{
    public override string ToString() =>
        $"seed {Seed}, deep template {DeepTemplate}: " + string.Join(" ; ", Mutations.Select(m =>
            $"{m.Kind} doc {m.Document} node {m.Target} text \"{Show(m.Text)}\" number {m.Number} depth {m.Depth}"));

    private static string Show(string text) =>
        (text.Length > 60 ? text[..60] + "…" : text).Replace("\n", "\\n", StringComparison.Ordinal);
}
