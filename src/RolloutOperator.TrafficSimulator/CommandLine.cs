using System.Globalization;

namespace RolloutOperator.TrafficSimulator;

/// <summary>
/// <c>--rollout NAME [--namespace NS] [--kubeconfig PATH] [--rate 50] [--port 0] [--seed 1] [--refresh 1s]</c>.
/// Without <c>--kubeconfig</c> the in-cluster service account is used.
/// </summary>
internal sealed record CommandLine(SimulatorOptions Options, string? Kubeconfig)
{
    public const string Usage =
        "usage: RolloutOperator.TrafficSimulator --rollout NAME [--namespace NS] [--kubeconfig PATH] [--rate REQ_PER_S] [--port PORT] [--seed N] [--refresh-ms MS]";

    public static CommandLine? Parse(IReadOnlyList<string> args, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory, out string error)
    {
        error = "";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error = $"unexpected argument \"{args[i]}\"";
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(["rollout", "namespace", "kubeconfig", "rate", "port", "seed", "refresh-ms"]).FirstOrDefault();
        if (unknown is not null || !values.TryGetValue("rollout", out var rollout))
        {
            error = unknown is null ? "--rollout is required" : $"unknown option --{unknown}";
            return null;
        }

        var options = new SimulatorOptions
        {
            Rollout = rollout,
            Namespace = values.GetValueOrDefault("namespace", "default"),
            RequestsPerSecond = Number(values, "rate", 50),
            MetricsPort = (int)Number(values, "port", 0),
            Seed = (int)Number(values, "seed", 1),
            RefreshInterval = TimeSpan.FromMilliseconds(Number(values, "refresh-ms", 1000)),
            LoggerFactory = loggerFactory,
        };
        return new CommandLine(options, values.GetValueOrDefault("kubeconfig"));
    }

    private static double Number(Dictionary<string, string> values, string name, double fallback) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;
}
