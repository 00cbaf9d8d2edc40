using RolloutOperator.Sandbox.Demo;
using RolloutOperator.Sandbox.Hosting;
using RolloutOperator.Sandbox.Options;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Commands;

/// <summary><c>sandbox demo</c>: the guided demo; exit 0 only when the good version promoted and the bad one rolled back.</summary>
internal static class DemoCommand
{
    public static Task<int> RunAsync(SandboxOptions options, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken) =>
        SandboxSession.RunAsync(options, DemoManifests.RolloutName, output, time, sandbox => RunDemoAsync(sandbox, options, output, time, cancellationToken), cancellationToken);

    private static async Task<int> RunDemoAsync(SandboxEnvironment sandbox, SandboxOptions options, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        var ok = await new DemoScenario(sandbox, options.Namespace, output, time).RunAsync(cancellationToken).ConfigureAwait(false);
        if (!ok && sandbox.PrometheusAddress is null)
        {
            output.Warn("analysis was disabled (no Prometheus), so no version could pass its analysis");
        }

        return ok ? 0 : 1;
    }
}
