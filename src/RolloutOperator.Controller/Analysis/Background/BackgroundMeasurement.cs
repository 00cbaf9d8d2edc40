using RolloutOperator.Core.Analysis;
using RolloutOperator.Runtime.Informers;

namespace RolloutOperator.Controller.Analysis.Background;

/// <summary>One measurement the runner started. Mutable fields are guarded by the runner's lock.</summary>
internal sealed class BackgroundMeasurement
{
    public BackgroundMeasurement(string name, ObjectKey rollout, string address, DateTimeOffset startedAt)
    {
        Name = name;
        Rollout = rollout;
        Address = address;
        StartedAt = startedAt;
    }

    public string Name { get; }

    public ObjectKey Rollout { get; }

    public string Address { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes (never faults) when the measurement finished or was dropped at shutdown.</summary>
    public Task Finished { get; set; } = Task.CompletedTask;

    /// <summary>The result once finished; null while running.</summary>
    public MeasurementResult? Result { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>A reconcile stopped waiting for it and recorded it in progress: its end must wake the Rollout.</summary>
    public bool Detached { get; set; }
}
