using RolloutOperator.Sandbox.Hosting;
using RolloutOperator.Sandbox.Options;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Commands;

/// <summary><c>sandbox up</c>: everything running, nothing applied, until Ctrl-C.</summary>
internal static class UpCommand
{
    public static Task<int> RunAsync(SandboxOptions options, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken) =>
        SandboxSession.RunAsync(options, options.Rollout, output, time, _ => WaitAsync(options, output, time, cancellationToken), cancellationToken);

    private static async Task<int> WaitAsync(SandboxOptions options, ISandboxOutput output, TimeProvider time, CancellationToken cancellationToken)
    {
        output.Info($"The traffic simulator follows Rollout {options.Namespace}/{options.Rollout} (--rollout, -n). Try:");
        output.Info("  kubectl apply --server-side -f config/samples/analysistemplate-success-rate.yaml");
        output.Success("sandbox is up; Ctrl-C stops it");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Info("stopping...");
        }

        return 0;
    }
}
