using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Builder;
using RolloutOperator.ApiEmulator;
using RolloutOperator.Core.Api;
using RolloutOperator.Model;
using RolloutOperator.Testing;

namespace RolloutOperator.EndToEnd.Tests.Support;

/// <summary>
/// An API-server emulator with our CRDs and the Gateway API and Istio CRDs installed, a client, a kubeconfig, and operators started
/// against it — in-process (the real host DI graph) or as separate processes that can be killed hard.
/// </summary>
public sealed class OperatorCluster : IAsyncDisposable
{
    private readonly List<WebApplication> _hosts = [];
    private readonly List<OperatorProcess> _processes = [];
    private readonly string _dir;

    private OperatorCluster(ApiServerEmulator emulator, string dir)
    {
        Emulator = emulator;
        _dir = dir;
        KubeconfigPath = Path.Combine(dir, "kubeconfig");
        emulator.WriteKubeconfig(KubeconfigPath);
        Client = new Kubernetes(emulator.CreateClientConfiguration());
    }

    public ApiServerEmulator Emulator { get; }

    public Kubernetes Client { get; }

    public string KubeconfigPath { get; }

    public string Namespace { get; } = "e2e";

    public static async Task<OperatorCluster> StartAsync(TimeSpan? readyDelay = null)
    {
        var dir = Directory.CreateTempSubdirectory("rollout-e2e-").FullName;
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions { DefaultReadyDelay = readyDelay ?? TimeSpan.FromMilliseconds(300) }, Ct);
        await emulator.InstallCustomResourceDefinitionsAsync(TestPaths.Crds, Ct);
        await emulator.InstallCustomResourceDefinitionsAsync(TestPaths.GatewayApiCrds, Ct);
        await emulator.InstallCustomResourceDefinitionsAsync(TestPaths.IstioCrds, Ct);
        var cluster = new OperatorCluster(emulator, dir);
        await cluster.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = cluster.Namespace } }, cancellationToken: Ct);
        return cluster;
    }

    public static CancellationToken Ct => CancellationToken.None;

    /// <summary>The operator in this test process, through the same composition root the binary uses.</summary>
    public async Task<WebApplication> StartOperatorAsync(string podName = "operator-0", params string[] extra)
    {
        string[] args = ["--kubeconfig", KubeconfigPath, "--leader-elect", "false", "--port", "0", "--bind-address", "127.0.0.1", "--pod-name", podName, "--log-format", "console", .. extra];
        var app = OperatorHost.Build(args);
        await app.StartAsync(Ct);
        _hosts.Add(app);
        return app;
    }

    /// <summary>The operator binary as its own process, so it can be killed without any cleanup.</summary>
    public OperatorProcess StartOperatorProcess(string podName, params string[] extra) => StartOperatorProcess(podName, new Dictionary<string, string>(), extra);

    /// <summary>The operator binary as its own process, with extra environment variables (OTEL_* for tracing).</summary>
    public OperatorProcess StartOperatorProcess(string podName, IReadOnlyDictionary<string, string> environment, params string[] extra)
    {
        var process = OperatorProcess.Start(_dir, ["--kubeconfig", KubeconfigPath, "--port", "0", "--bind-address", "127.0.0.1", "--pod-name", podName, .. extra], environment);
        _processes.Add(process);
        return process;
    }

    public async Task StopOperatorAsync(WebApplication app)
    {
        _hosts.Remove(app);
        await app.StopAsync(Ct);
        await app.DisposeAsync();
    }

    public async Task ApplyAsync(string yaml) => await Manifests.ApplyAsync(Client, Namespace, yaml, Ct);

    public async Task<Rollout> GetRolloutAsync(string name)
    {
        var json = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(ApiGroup.Name, ApiGroup.Version, Namespace, "rollouts", name, Ct);
        return KubernetesJson.Deserialize<Rollout>(json.GetRawText());
    }

    public async Task<JsonObject> GetObjectAsync(string group, string version, string plural, string name)
    {
        var json = (JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync(group, version, Namespace, plural, name, Ct);
        return JsonNode.Parse(json.GetRawText())!.AsObject();
    }

    /// <summary>Changes the Rollout's pod template the way a user's apply would: a new image is a new revision.</summary>
    public async Task SetImageAsync(string rollout, string image)
    {
        var patch = new { spec = new { template = new { spec = new { containers = new[] { new { name = "app", image } } } } } };
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch), ApiGroup.Name, ApiGroup.Version, Namespace, "rollouts", rollout, cancellationToken: Ct);
    }

    /// <summary>Issues a command through the annotation channel, for the revision being rolled out.</summary>
    public async Task CommandAsync(string rollout, string action)
    {
        var current = await GetRolloutAsync(rollout);
        var revision = current.Status?.CanaryRevision ?? throw new InvalidOperationException("nothing is being rolled out");
        var command = JsonSerializer.Serialize(new { action, revision, id = Guid.NewGuid().ToString("N") });
        var patch = new { metadata = new { annotations = new Dictionary<string, string> { ["rollout-operator.io/command"] = command } } };
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(JsonSerializer.Serialize(patch), V1Patch.PatchType.MergePatch), ApiGroup.Name, ApiGroup.Version, Namespace, "rollouts", rollout, cancellationToken: Ct);
    }

    public async Task<V1Deployment?> FindDeploymentAsync(string name)
    {
        try
        {
            return await Client.AppsV1.ReadNamespacedDeploymentAsync(name, Namespace, cancellationToken: Ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Polls until the condition holds (the test observes; the operator is event-driven).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        var (ok, last) = await TryProbeAsync(probe);
        while (!ok || !done(last!))
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0}s waiting for {what}; last: {Describe(last)}");
            }

            await Task.Delay(50);
            (ok, last) = await TryProbeAsync(probe);
        }

        return last!;
    }

    /// <summary>The test's own reads may hit injected faults too; a failed read is just another poll.</summary>
    private static async Task<(bool Ok, T? Value)> TryProbeAsync<T>(Func<Task<T>> probe)
    {
        try
        {
            return (true, await probe());
        }
        catch (HttpOperationException e) when ((int)e.Response.StatusCode >= 409)
        {
            return (false, default);
        }
    }

    public Task<Rollout> WaitForRolloutAsync(string name, Func<Rollout, bool> done, string what, int seconds = 60) =>
        EventuallyAsync(() => GetRolloutAsync(name), done, TimeSpan.FromSeconds(seconds), what);

    private static string Describe<T>(T value) => value is Rollout r
        ? $"phase {r.Status?.Phase} step {r.Status?.CurrentStepIndex} stable {r.Status?.StableRevision} canary {r.Status?.CanaryRevision}: {r.Status?.Message}"
        : value?.ToString() ?? "null";

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            process.Kill();
        }

        foreach (var host in _hosts)
        {
            await host.StopAsync(Ct);
            await host.DisposeAsync();
        }

        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
