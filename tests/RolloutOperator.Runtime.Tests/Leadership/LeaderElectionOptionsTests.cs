using RolloutOperator.Runtime.Leadership;

namespace RolloutOperator.Runtime.Tests.Leadership;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreUsable() => Assert.Empty(Options(null, null, null).Validate());

    [Theory]
    [InlineData(10, 10, 1, "LeaseDuration (10s) must be greater than RenewDeadline (10s)")]
    [InlineData(5, 6, 1, "LeaseDuration (5s) must be greater than RenewDeadline (6s)")]
    [InlineData(15, 2.4, 2, "RenewDeadline (2.4s) must be greater than 1.2 × RetryPeriod (2s) = 2.4s")]
    [InlineData(15, 2, 2, "RenewDeadline (2s) must be greater than 1.2 × RetryPeriod (2s) = 2.4s")]
    [InlineData(15, 10, 0, "RetryPeriod must be positive, got 0s")]
    public void Validate_UnsafeTiming_NamesTheSettingsAndValues(double lease, double renew, double retry, string expected)
    {
        var problems = Options(lease, renew, retry).Validate();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(15, 10, 2)]
    [InlineData(10, 7, 1.5)]
    [InlineData(3, 2.5, 2)]
    public void Validate_SafeTiming_HasNoProblems(double lease, double renew, double retry) =>
        Assert.Empty(Options(lease, renew, retry).Validate());

    [Fact]
    public void Validate_CallerNames_AppearInTheMessage()
    {
        var problem = Assert.Single(Options(4, 5, 1).Validate("--lease-duration", "--renew-deadline", "--retry-period"));

        Assert.StartsWith("--lease-duration (4s) must be greater than --renew-deadline (5s)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_TakeOverWithinFifteenSeconds()
    {
        var defaults = Options(null, null, null);

        // A standby acquires at its first poll after it has seen no renewal for a lease duration; it may have seen the
        // last renewal up to one retry period late and polls every retry period: lease + 2 × retry in the worst case.
        Assert.True(defaults.LeaseDuration + (2 * defaults.RetryPeriod) <= TimeSpan.FromSeconds(13));
    }

    private static LeaderElectionOptions Options(double? lease, double? renew, double? retry)
    {
        var options = new LeaderElectionOptions { LeaseNamespace = "ns", LeaseName = "lease" };
        return options with
        {
            LeaseDuration = lease is null ? options.LeaseDuration : TimeSpan.FromSeconds(lease.Value),
            RenewDeadline = renew is null ? options.RenewDeadline : TimeSpan.FromSeconds(renew.Value),
            RetryPeriod = retry is null ? options.RetryPeriod : TimeSpan.FromSeconds(retry.Value),
        };
    }
}
