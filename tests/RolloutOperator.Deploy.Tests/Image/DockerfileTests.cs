using System.Xml.Linq;
using RolloutOperator.Deploy.Tests.Infrastructure;

namespace RolloutOperator.Deploy.Tests.Image;

public sealed class DockerfileTests
{
    private const string HostProject = "src/RolloutOperator/RolloutOperator.csproj";

    [Fact]
    public void CopySources_ExistInTheBuildContext()
    {
        var sources = Dockerfile.Load().ContextCopySources().ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(File.Exists(RepoPaths.Of(s)) || Directory.Exists(RepoPaths.Of(s)), $"COPY source {s} does not exist"));
    }

    /// <summary>The restore layer copies only project files, so it must name every project the host references.</summary>
    [Fact]
    public void RestoreStage_CopiesEveryProjectOfTheHostClosure()
    {
        var copied = Dockerfile.Load().ContextCopySources().Where(s => s.EndsWith(".csproj", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(ProjectClosure(HostProject).Order(), copied);
    }

    [Fact]
    public void Publish_IsReleaseOfTheHostProject()
    {
        Assert.Contains("dotnet publish src/RolloutOperator -c Release --no-restore -o /app /p:UseAppHost=false", Dockerfile.Load().All("RUN"));
    }

    [Fact]
    public async Task Runtime_IsNonRootNumericUserWithChartPortAndOciLabels()
    {
        var file = Dockerfile.Load();
        var user = file.All("USER").Last();
        Assert.Matches(@"^[1-9][0-9]*(:[0-9]+)?$", user);
        var chartUid = Node.Text(PodChecks.PodSpec((await Helm.RenderAsync(ValueSet.Default)).Single("Deployment")), "securityContext", "runAsUser");
        Assert.Equal(chartUid, user.Split(':')[0]);
        Assert.Equal([PodChecks.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], file.All("EXPOSE"));
        var labels = string.Join(' ', file.All("LABEL"));
        foreach (var key in new[] { "title", "source", "version", "revision", "licenses" })
        {
            Assert.Contains($"org.opencontainers.image.{key}=", labels, StringComparison.Ordinal);
        }

        Assert.Contains(file.All("FROM"), f => f.StartsWith("mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        Assert.Contains(file.All("ENV"), e => e.Contains("TMPDIR=/tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void DockerIgnore_ExcludesBuildOutputAndTests()
    {
        var patterns = File.ReadAllLines(RepoPaths.Of(".dockerignore")).Select(l => l.Trim()).ToHashSet();
        Assert.Contains("**/bin/", patterns);
        Assert.Contains("**/obj/", patterns);
        Assert.Contains("tests/", patterns);
        Assert.DoesNotContain("src/", patterns);
    }

    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var path = RepoPaths.Of(current);
            Assert.True(File.Exists(path), $"{current} does not exist (the host project is the image's entrypoint)");
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, (string)reference.Attribute("Include")!));
                pending.Push(Path.GetRelativePath(RepoPaths.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }
}
