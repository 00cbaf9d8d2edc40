using k8s;

namespace RolloutOperator.Cli.Dashboard;

/// <summary>Where the dashboard listens (always 127.0.0.1; port 0 picks a free one), what it shows (a namespace or, null, all), and with which client.</summary>
internal sealed record DashboardSettings(IKubernetes Client, string? Namespace, int Port, TimeProvider Time);
