using System.Text.Json.Nodes;
using RolloutOperator.CrdGen.Tests.Support;
using RolloutOperator.Testing;

namespace RolloutOperator.CrdGen.Tests;

public sealed class GeneratedFilesTests
{
    private const string Regenerate = "crds/ is stale. Run: dotnet run --project src/RolloutOperator.CrdGen -- crds/";

    [Fact]
    public void CrdsDirectory_MatchesGeneratorOutput_ByteForByte()
    {
        var expected = CrdGenerator.GenerateFiles();
        foreach (var (name, content) in expected)
        {
            var path = Path.Combine(RepoPaths.Crds, name);
            Assert.True(File.Exists(path), $"{name} missing. {Regenerate}");
            Assert.True(File.ReadAllBytes(path).SequenceEqual(System.Text.Encoding.UTF8.GetBytes(content)), $"{name} differs. {Regenerate}");
        }

        var differences = DirectoryCheck.Differences(RepoPaths.Crds, expected);
        Assert.True(differences.Count == 0, string.Join("; ", differences) + ". " + Regenerate);
    }

    [Fact]
    public void Generator_IsDeterministic()
    {
        var first = CrdGenerator.GenerateFiles();
        var second = CrdGenerator.GenerateFiles();

        Assert.Equal(first, second);
        Assert.Equal(
            ["kustomization.yaml", "rollout-operator.io_analysistemplates.yaml", "rollout-operator.io_clusteranalysistemplates.yaml", "rollout-operator.io_rollouts.yaml"],
            first.Keys);
    }

    [Theory]
    [MemberData(nameof(Crds.KindData), MemberType = typeof(Crds))]
    public void Yaml_ReadsBackAsTheGeneratedDocument(string kind)
    {
        var info = Core.Api.CustomResources.All.Single(i => i.Kind == kind);

        var yaml = CrdGenerator.ToYaml(info);

        Assert.StartsWith("# " + CrdGenerator.Header + "\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", yaml, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(CrdGenerator.Generate(info), YamlToJson.Single(yaml).AsObject()), "YAML does not read back as the generated JSON (quoting?)");
    }

    [Fact]
    public void Kustomization_ListsEveryCrdFile()
    {
        var kustomization = YamlToJson.Single(CrdGenerator.GenerateFiles()["kustomization.yaml"]).AsObject();

        var resources = kustomization["resources"]!.AsArray().Select(n => (string)n!);

        Assert.Equal(Core.Api.CustomResources.All.Select(CrdGenerator.FileName), resources);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "config", "crd", "kustomization.yaml")));
    }

    [Fact]
    public void DirectoryCheck_ReportsStaleMissingAndUnexpectedFiles()
    {
        var dir = Directory.CreateTempSubdirectory("crdgen-").FullName;
        try
        {
            var expected = new Dictionary<string, string> { ["a.yaml"] = "x: 1\n", ["b.yaml"] = "y: 2\n" };
            File.WriteAllText(Path.Combine(dir, "a.yaml"), "x: 2\n");
            File.WriteAllText(Path.Combine(dir, "old.yaml"), "z: 3\n");

            var differences = DirectoryCheck.Differences(dir, expected);

            Assert.Equal(["stale: a.yaml (line 1: has 'x: 2', expected 'x: 1')", "missing: b.yaml", "unexpected: old.yaml"], differences);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("true")]
    [InlineData("1m")]
    [InlineData("25%")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("No")]
    [InlineData("- dash")]
    [InlineData("{{args.name}}")]
    [InlineData("a: b")]
    [InlineData("'quoted'")]
    [InlineData("line\nbreak")]
    public void YamlWriter_KeepsStringsStrings(string value)
    {
        var yaml = YamlWriter.Write(new JsonObject { ["v"] = value });

        Assert.Equal(value, (string?)YamlToJson.Single(yaml).AsObject()["v"]);
    }
}
