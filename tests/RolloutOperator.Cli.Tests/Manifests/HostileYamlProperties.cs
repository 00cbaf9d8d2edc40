using CsCheck;
using RolloutOperator.Cli.Infrastructure;
using RolloutOperator.Cli.Manifests;
using RolloutOperator.Cli.Tests.Support;

namespace RolloutOperator.Cli.Tests.Manifests;

/// <summary>
/// lint over sample manifests damaged with YAML syntax (anchors, aliases, brackets, tags, document markers): it either
/// refuses the input with a clear message or reports findings with paths; it never throws anything else.
/// </summary>
public sealed class HostileYamlProperties
{
    private static readonly string[] Tokens =
    [
        "&a ", "*a", "&b [*a, *a, *a]", "[", "]", "{", "}", ": ", "\n  ", "\n- ", "- ", "<<: *a\n", "!!str ", "!!int ", "'", "\"",
        "---\n", "\t", "#", "|\n", ">\n", "? ", "%YAML 1.2\n---\n", "~", "null", "-1", "99999999999999999999", "1e400",
        "kind: Rollout\n", "spec: *a\n", "\u0000", "é", "\ufeff",
    ];

    private static readonly string[] Samples =
        [.. Directory.GetFiles(CliRun.Samples, "*.yaml").Where(f => !f.EndsWith("kustomization.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly Gen<(int Position, int Token, int Delete)> Edit = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, Tokens.Length - 1], Gen.Int[0, 3]);

    private static readonly Gen<string> Damaged = Gen.Select(Gen.Int[0, Samples.Length - 1], Edit.Array[1, 6], (sample, edits) =>
    {
        var text = Samples[sample];
        foreach (var (position, token, delete) in edits)
        {
            var at = position % (text.Length + 1);
            var removed = Math.Min(delete, text.Length - at);
            text = text[..at] + Tokens[token] + text[(at + removed)..];
        }

        return text;
    });

    // Seeds that found defects: the parser's InvalidOperationException, 1e400 (an infinite double), an empty key.
    // 7QEY15q9Znq2: a damaged %TAG directive made the YAML parser throw ArgumentException (with the samples of December 2026).
    public static TheoryData<string> FixedSeeds => ["bFeFpEY-S3F1", "5lt1yPXL1Lx2", "738f-j-MvMO1", "7QEY15q9Znq2"];

    [Theory]
    [MemberData(nameof(FixedSeeds))]
    public void Lint_DamagedYaml_FixedSeed_RefusesOrReportsButNeverThrows(string seed) => Check(seed);

    [Fact]
    public void Lint_DamagedYaml_RandomSeed_RefusesOrReportsButNeverThrows() => Check(null);

    [Fact]
    public async Task Lint_NumberBeyondDoubleRange_IsATypeFindingNotACrash()
    {
        const string Yaml = "apiVersion: rollout-operator.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: big\nspec:\n  replicas: 1e400\n";

        var result = await CliRun.RunAsync(["lint", "-f", "-"], stdin: Yaml);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("spec.replicas: must be of type integer, got string", result.Output, StringComparison.Ordinal);
    }

    private static void Check(string? seed)
    {
        Damaged.Sample(
            text =>
            {
                IReadOnlyList<ManifestDocument> documents;
                try
                {
                    documents = ManifestReader.ReadAsync("-", new StringReader(text), CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (CliException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                    return;
                }

                var findings = Linter.Lint(ManifestSet.Load(documents));
                Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Path), $"finding without a path: {f}"));
            },
            seed: seed,
            iter: 10_000,
            print: text => text);
    }
}
