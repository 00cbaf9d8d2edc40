using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Tests;

/// <summary><c>sandbox apply</c> reads manifests with the plugin's YAML reader: the same refusals, reported before anything starts.</summary>
public sealed class ManifestReadingTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n", "duplicate key \"name\" at line 5")]
    [InlineData("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "more than 100000 nodes")]
    public async Task Apply_RefusedYaml_FailsNamingWhyAndStartsNothing(string yaml, string reason)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-refused-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml, CancellationToken.None);
        try
        {
            using var error = new StringWriter();
            using var written = new StringWriter();
            var code = await SandboxApp.RunAsync(["apply", "-f", file], _ => new PlainOutput(written, TimeProvider.System), _ => null, TimeProvider.System, error, CancellationToken.None);

            Assert.Equal(1, code);
            Assert.Contains(reason, written.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("applied", written.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void SandboxAssembly_DefinesNoCopyOfTheSharedModel()
    {
        // One YAML reader (RolloutOperator.Model.Yaml) and one RolloutSnapshot (RolloutOperator.Model) for every tool.
        string[] shared = ["YamlDocuments", "YamlToJson", "RolloutSnapshot", "Rollout"];

        var names = typeof(SandboxApp).Assembly.GetTypes().Select(t => t.Name);

        Assert.Empty(names.Intersect(shared, StringComparer.Ordinal));
    }
}
