using System.Globalization;

namespace RolloutOperator.Runtime.Leadership;

/// <summary>
/// Lease timing. A standby takes over once it has seen no renewal for <see cref="LeaseDuration"/>, polling every
/// <see cref="RetryPeriod"/>, so a dead leader is replaced within about LeaseDuration + 2 × RetryPeriod (10 + 3 = 13 s
/// with the defaults). A leader that has not renewed for <see cref="RenewDeadline"/> stops writing, which is before
/// any standby can see its lease expire as long as RenewDeadline &lt; LeaseDuration.
/// </summary>
public sealed record LeaderElectionOptions
{
    /// <summary>The renew deadline must leave room for more than one retry, as client-go requires.</summary>
    public const double RetryJitterFactor = 1.2;

    public required string LeaseNamespace { get; init; }

    public required string LeaseName { get; init; }

    /// <summary>How long a non-renewed lease blocks other candidates.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the leader may go without a successful renewal before it stops writing and gives up.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(7);

    /// <summary>Pause between renewals (leader) and acquisition attempts (standby).</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// What is wrong with the timing, one sentence per problem (empty when it is usable). The names are what the
    /// caller calls the three settings (e.g. its command-line flags), so the message says exactly what to change.
    /// </summary>
    public IReadOnlyList<string> Validate(
        string leaseDurationName = nameof(LeaseDuration),
        string renewDeadlineName = nameof(RenewDeadline),
        string retryPeriodName = nameof(RetryPeriod))
    {
        var problems = new List<string>();
        AddIfNotPositive(problems, leaseDurationName, LeaseDuration);
        AddIfNotPositive(problems, renewDeadlineName, RenewDeadline);
        AddIfNotPositive(problems, retryPeriodName, RetryPeriod);
        if (LeaseDuration <= RenewDeadline)
        {
            problems.Add(
                $"{leaseDurationName} ({Seconds(LeaseDuration)}) must be greater than {renewDeadlineName} ({Seconds(RenewDeadline)}): " +
                "a leader that cannot renew must stop writing before a standby can take its lease.");
        }

        if (RenewDeadline <= RetryPeriod * RetryJitterFactor)
        {
            problems.Add(
                $"{renewDeadlineName} ({Seconds(RenewDeadline)}) must be greater than {RetryJitterFactor.ToString(CultureInfo.InvariantCulture)} × " +
                $"{retryPeriodName} ({Seconds(RetryPeriod)}) = {Seconds(RetryPeriod * RetryJitterFactor)}: the leader needs room to retry a failed renewal.");
        }

        return problems;
    }

    private static void AddIfNotPositive(List<string> problems, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} must be positive, got {Seconds(value)}.");
        }
    }

    private static string Seconds(TimeSpan value) => $"{value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
}
