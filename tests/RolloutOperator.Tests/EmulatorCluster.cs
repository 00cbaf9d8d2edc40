using RolloutOperator.ApiEmulator;

namespace RolloutOperator.Tests;

/// <summary>An API emulator with the operator's CRDs installed and a kubeconfig file pointing at it, for host tests.</summary>
internal sealed class EmulatorCluster : IAsyncDisposable
{
    private EmulatorCluster(ApiServerEmulator emulator, string kubeconfig)
    {
        Emulator = emulator;
        Kubeconfig = kubeconfig;
    }

    public ApiServerEmulator Emulator { get; }

    public string Kubeconfig { get; }

    public static async Task<EmulatorCluster> StartAsync(CancellationToken cancellationToken)
    {
        var emulator = await ApiServerEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
        await emulator.InstallCustomResourceDefinitionsAsync(RolloutOperator.Testing.TestPaths.Crds, cancellationToken);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        emulator.WriteKubeconfig(kubeconfig);
        return new EmulatorCluster(emulator, kubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        File.Delete(Kubeconfig);
    }
}
