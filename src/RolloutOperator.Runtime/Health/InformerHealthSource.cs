namespace RolloutOperator.Runtime.Health;

/// <summary>Summarises the liveness and sync state of registered informers.</summary>
public sealed class InformerHealthSource : IHealthSource
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();
    private readonly List<IInformerHealth> _informers = [];

    public InformerHealthSource(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public void Register(IInformerHealth informer)
    {
        ArgumentNullException.ThrowIfNull(informer);
        lock (_lock)
        {
            _informers.Add(informer);
        }
    }

    public HealthReport CheckLiveness()
    {
        var now = _timeProvider.GetUtcNow();
        return Report(informer => now - informer.LastActivity > informer.LivenessTimeout
            ? $"{informer.Name}: no watch activity since {informer.LastActivity:O}"
            : null);
    }

    public HealthReport CheckReadiness() =>
        Report(informer => informer.HasSynced ? null : $"{informer.Name}: cache not synced");

    private HealthReport Report(Func<IInformerHealth, string?> problemOf)
    {
        List<string> problems;
        lock (_lock)
        {
            problems = _informers.Select(problemOf).OfType<string>().ToList();
        }

        return problems.Count == 0 ? HealthReport.Healthy : new HealthReport(false, problems);
    }
}
