using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;

namespace RolloutOperator.Cli.Tests.Support;

/// <summary>An API emulator with the CRDs installed, a kubeconfig for the plugin, and a client to arrange and inspect state.</summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private const string Ns = "default";
    private readonly string _directory;

    private ClusterHarness(ApiServerEmulator emulator, string directory)
    {
        Emulator = emulator;
        _directory = directory;
        Kubeconfig = Path.Combine(directory, "kubeconfig");
        emulator.WriteKubeconfig(Kubeconfig);
        Client = new Kubernetes(emulator.CreateClientConfiguration());
    }

    public ApiServerEmulator Emulator { get; }

    public Kubernetes Client { get; }

    public string Kubeconfig { get; }

    public static CancellationToken Ct => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public static async Task<ClusterHarness> StartAsync()
    {
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        emulator.Deployments.SetReadyDelay(TimeSpan.Zero);
        await emulator.InstallCustomResourceDefinitionsAsync(Path.Combine(RepoRoot(), "crds"), CancellationToken.None);
        var directory = Directory.CreateTempSubdirectory("cli-tests-").FullName;
        return new ClusterHarness(emulator, directory);
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null);

    public Task<CliResult> RunAsync(IReadOnlyList<string> args, TimeProvider? time, CancellationToken cancellationToken = default) =>
        CliRun.RunAsync([.. args, "--kubeconfig", Kubeconfig], time, cancellationToken: cancellationToken == default ? Ct : cancellationToken);

    public async Task<Rollout> CreateRolloutAsync(JsonObject manifest, RolloutStatus? status = null, string ns = Ns)
    {
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(manifest, ApiGroup.Name, ApiGroup.Version, ns, "rollouts", cancellationToken: Ct);
        var name = (string)manifest["metadata"]!["name"]!;
        if (status is not null)
        {
            await SetStatusAsync(name, status, ns);
        }

        return await GetRolloutAsync(name, ns);
    }

    public async Task SetStatusAsync(string name, RolloutStatus status, string ns = Ns)
    {
        // "add" replaces the whole status, as the operator's writes do; a merge patch would keep stale fields.
        var patch = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/status", ["value"] = JsonNode.Parse(ApiJson.Serialize(status)) });
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.JsonPatch), ApiGroup.Name, ApiGroup.Version, ns, "rollouts", name, cancellationToken: Ct);
    }

    public Task<Rollout> GetRolloutAsync(string name, string ns = Ns) =>
        Client.CustomObjects.GetNamespacedCustomObjectAsync<Rollout>(ApiGroup.Name, ApiGroup.Version, ns, "rollouts", name, Ct);

    /// <summary>The Deployment the operator would run for a revision: named &lt;rollout&gt;-&lt;revision&gt; (shortened for long names), labelled, with the revision label in its pods.</summary>
    public async Task CreateRevisionDeploymentAsync(string rollout, string revision, string image, int replicas)
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", [ApiGroup.RevisionLabel] = revision };
        await Client.AppsV1.CreateNamespacedDeploymentAsync(
            new V1Deployment
            {
                Metadata = new V1ObjectMeta
                {
                    Name = RevisionNames.Deployment(rollout, revision),
                    Labels = new Dictionary<string, string> { [ApiGroup.RevisionLabel] = revision, [ApiGroup.Prefix + "rollout"] = RevisionNames.LabelValue(rollout) },
                },
                Spec = new V1DeploymentSpec
                {
                    Replicas = replicas,
                    Selector = new V1LabelSelector { MatchLabels = labels },
                    Template = new V1PodTemplateSpec
                    {
                        Metadata = new V1ObjectMeta { Labels = labels },
                        Spec = new V1PodSpec { Containers = [new V1Container { Name = "app", Image = image }] },
                    },
                },
            },
            Ns,
            cancellationToken: Ct);
    }

    public static string RepoRoot() => RolloutOperator.Testing.TestPaths.RepoRoot;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
