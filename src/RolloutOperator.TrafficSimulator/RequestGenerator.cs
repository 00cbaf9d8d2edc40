namespace RolloutOperator.TrafficSimulator;

/// <summary>
/// Emits the requests due for an elapsed time: rate × elapsed, carrying the fraction to the next tick so the long-run
/// rate is exact. Each request picks a revision by weight, fails with the revision's error rate, and gets a latency value
/// that is observed, never slept.
/// </summary>
internal sealed class RequestGenerator(SimulatorMetrics metrics, Random random, double requestsPerSecond, TimeSpan baseLatency)
{
    // After a stall (debugger, overloaded CI) catch up at most this much rather than bursting.
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(5);

    private double _carry;

    public int Generate(TrafficSnapshot snapshot, TimeSpan elapsed)
    {
        var exact = (requestsPerSecond * Math.Min(elapsed.TotalSeconds, MaxCatchUp.TotalSeconds)) + _carry;
        var count = (int)Math.Floor(exact);
        _carry = exact - count;
        var total = snapshot.TotalWeight;
        if (total <= 0)
        {
            return 0;
        }

        for (var i = 0; i < count; i++)
        {
            var revision = Pick(snapshot.Revisions, random.NextDouble() * total);
            var code = random.NextDouble() < revision.Behaviour.ErrorRate ? 500 : 200;
            var latency = (baseLatency.TotalSeconds * (0.5 + random.NextDouble())) + revision.Behaviour.ExtraLatency.TotalSeconds;
            metrics.Observe(revision.Revision, code, latency);
        }

        return count;
    }

    private static RevisionTraffic Pick(IReadOnlyList<RevisionTraffic> revisions, double point)
    {
        foreach (var revision in revisions)
        {
            if (point < revision.Weight)
            {
                return revision;
            }

            point -= revision.Weight;
        }

        return revisions[^1];
    }
}
