using System.Globalization;
using RolloutOperator.Sandbox.Options;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Hosting;

/// <summary>Starts the sandbox, prints where everything is, runs a command in it, and reports the teardown once it is done.</summary>
internal static class SandboxSession
{
    public static async Task<int> RunAsync(
        SandboxOptions options, string rollout, ISandboxOutput output, TimeProvider time, Func<SandboxEnvironment, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(output);
        var sandbox = await SandboxEnvironment.StartAsync(options, rollout, output, time, cancellationToken).ConfigureAwait(false);
        try
        {
            SandboxBanner.Print(sandbox, output);
            return await body(sandbox).ConfigureAwait(false);
        }
        finally
        {
            await sandbox.DisposeAsync().ConfigureAwait(false);
            var prometheus = sandbox.PrometheusProcessId is { } pid ? string.Create(CultureInfo.InvariantCulture, $"prometheus (pid {pid}), ") : "";
            output.Info($"stopped {prometheus}the operator, the simulator and the emulator; removed {sandbox.Directory}");
        }
    }
}
