using System.Globalization;
using RolloutOperator.Sandbox.Progress;

namespace RolloutOperator.Sandbox.Hosting;

/// <summary>Tells the user what is running where, and how to point kubectl and the plugin at it.</summary>
internal static class SandboxBanner
{
    public static void Print(SandboxEnvironment sandbox, ISandboxOutput output)
    {
        output.Heading("RolloutOperator sandbox");
        output.Info($"api server (emulator): {sandbox.ApiServer}");
        output.Info($"operator:              {sandbox.OperatorAddress} (/healthz, /readyz, /metrics; log {sandbox.OperatorLog})");
        output.Info($"traffic simulator:     {sandbox.SimulatorMetrics}");
        output.Info(sandbox.PrometheusProcessId is { } pid
            ? string.Create(CultureInfo.InvariantCulture, $"prometheus:            {sandbox.PrometheusAddress} (pid {pid})")
            : $"prometheus:            {sandbox.PrometheusAddress?.ToString() ?? "none (analysis disabled)"}");
        output.Info($"directory:             {sandbox.Directory} (removed on exit)");
        output.Info("In another shell:");
        output.Info($"  export KUBECONFIG={sandbox.KubeconfigPath}");
        output.Info("  kubectl get rollouts.rollout-operator.io -A");
        output.Info("  dotnet run --project src/RolloutOperator.Cli -- get demo -w     # or: kubectl rollout-operator get demo -w");
    }
}
