using System.Globalization;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>
/// How big the chaos runs are. The normal suite runs the reduced size (a few minutes of CI in total); the full size of
/// issue 16 runs with <c>CHAOS_SCALE=full</c> (see docs/chaos.md). <c>CHAOS_SEED</c> replays a reported run.
/// </summary>
internal sealed record ChaosScale(
    string Name,
    int Rollouts,
    int Kills,
    TimeSpan KillWindow,
    int PartitionRollouts,
    int PerPrometheusBehaviour,
    TimeSpan Partition,
    (int Duration, double Deadline, double Retry)? LeaseTiming,
    int Seed)
{
    /// <summary>The numbers: 200 Rollouts, 10 kills, a 30 s partition with the operator's default lease timing.</summary>
    public static ChaosScale Full(int seed) => new("full", 200, 10, TimeSpan.FromSeconds(40), 20, 10, TimeSpan.FromSeconds(30), null, seed);

    /// <summary>The same shapes, small enough for every CI run: shorter lease timing keeps the partition run short.</summary>
    public static ChaosScale Reduced(int seed) => new("reduced", 16, 3, TimeSpan.FromSeconds(12), 4, 1, TimeSpan.FromSeconds(8), (4, 3, 1), seed);

    public static ChaosScale Current
    {
        get
        {
            var seedText = Environment.GetEnvironmentVariable("CHAOS_SEED");
            var seed = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261203;
            return string.Equals(Environment.GetEnvironmentVariable("CHAOS_SCALE"), "full", StringComparison.OrdinalIgnoreCase)
                ? Full(seed)
                : Reduced(seed);
        }
    }

    /// <summary>Command-line flags for the lease timing; none means the operator's defaults.</summary>
    public string[] LeaseFlags => LeaseTiming is { } t
        ? ["--lease-duration", Text(t.Duration), "--renew-deadline", Text(t.Deadline), "--retry-period", Text(t.Retry)]
        : [];

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(LeaseTiming?.Duration ?? 10);

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
