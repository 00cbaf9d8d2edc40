using System.Globalization;

namespace RolloutOperator.EndToEnd.Tests.Chaos;

/// <summary>The seeded instants (after the fleet is given its new revision) at which the operator is killed.</summary>
internal static class KillPlan
{
    public static IReadOnlyList<TimeSpan> Instants(ChaosScale scale)
    {
        var random = new Random(scale.Seed);
        var start = TimeSpan.FromSeconds(0.5);
        return [.. Enumerable.Range(0, scale.Kills)
            .Select(_ => start + (scale.KillWindow - start) * random.NextDouble())
            .Select(t => TimeSpan.FromMilliseconds(Math.Round(t.TotalMilliseconds)))
            .Order()];
    }

    public static string Describe(IEnumerable<TimeSpan> instants) =>
        string.Join(", ", instants.Select(t => t.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s"));
}
